package io.chameleon.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and moves PostgreSQL sequences by oid. */
public final class Sequences {

    /**
     * Where a sequence stands.
     *
     * @param taken the highest value handed out or set: the next {@code nextval} gives more
     * @param max   the largest value it may reach
     */
    public record State(long taken, long max) {
    }

    /** A column and the sequence it draws from (identity or serial). */
    public record Owned(String column, long oid, String sequence) {
    }

    private Sequences() {
    }

    /**
     * The columns of a table that draw from a sequence — identity and serial columns (the sequence belongs to the
     * column) and columns whose default calls {@code nextval} of another sequence — in column order; empty when the
     * table is not there.
     */
    public static List<Owned> ownedBy(Connection c, String qualifiedTable) throws SQLException {
        List<Owned> owned = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname::text, s.oid::bigint, s.oid::regclass::text"
                + " FROM pg_attribute a JOIN (SELECT d.refobjid AS relid, d.refobjsubid AS attnum, d.objid AS seq"
                + " FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass"
                + " AND d.deptype IN ('a', 'i')"
                + " UNION SELECT ad.adrelid, ad.adnum, d.refobjid FROM pg_attrdef ad JOIN pg_depend d"
                + " ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid"
                + " AND d.refclassid = 'pg_class'::regclass) u ON u.relid = a.attrelid AND u.attnum = a.attnum"
                + " JOIN pg_class s ON s.oid = u.seq AND s.relkind = 'S'"
                + " WHERE a.attrelid = to_regclass(?) ORDER BY a.attnum")) {
            ps.setString(1, qualifiedTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owned.add(new Owned(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return owned;
    }

    /** The state of each sequence that exists; two statements whatever their number. */
    public static Map<Long, State> states(Connection c, Collection<Long> oids) throws SQLException {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Long> maxima = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seqrelid::bigint, seqrelid::regclass::text, seqmax"
                + " FROM pg_sequence WHERE seqrelid::bigint = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", oids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getLong(1), rs.getString(2));
                    maxima.put(rs.getLong(1), rs.getLong(3));
                }
            }
        }
        Map<Long, State> states = new HashMap<>();
        if (names.isEmpty()) {
            return states;
        }
        // last_value and is_called are only in the sequence relation itself (pg_sequence_last_value hides a value
        // set with is_called false)
        List<String> reads = new ArrayList<>();
        names.forEach((oid, name) -> reads.add("SELECT " + oid + "::bigint, last_value, is_called FROM " + name));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(String.join(" UNION ALL ", reads))) {
            while (rs.next()) {
                long oid = rs.getLong(1);
                long last = rs.getLong(2);
                states.put(oid, new State(rs.getBoolean(3) ? last : last - 1, maxima.get(oid)));
            }
        }
        return states;
    }

    /** Sets each existing sequence to its value (the next {@code nextval} gives one more), in one statement. */
    public static void setTaken(Connection c, Map<Long, Long> values) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT setval(m.id::oid::regclass, m.v)"
                + " FROM unnest(?::bigint[], ?::bigint[]) AS m (id, v)"
                // a sequence dropped since it was read (DDL later in the chunk) is left out
                + " JOIN pg_sequence s ON s.seqrelid::bigint = m.id")) {
            ps.setArray(1, c.createArrayOf("bigint", values.keySet().toArray()));
            ps.setArray(2, c.createArrayOf("bigint", values.values().toArray()));
            ps.executeQuery().close();
        }
    }
}
