package io.chameleon.mysql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GtidSetsTest {

    private static final String UUID_A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String UUID_B = "8a94f357-aab4-11df-86ab-c80aa9429563";

    @Test
    void aMariaDbPositionKeepsTheLastGtidOfEachDomain() {
        assertThat(GtidSets.advance(null, "0-1-5")).isEqualTo("0-1-5");
        assertThat(GtidSets.advance("0-1-5", "0-1-6")).isEqualTo("0-1-6");
        assertThat(GtidSets.advance("0-1-6,2-7-40", "1-3-9")).isEqualTo("0-1-6,1-3-9,2-7-40");
        assertThat(GtidSets.advance("0-1-6,1-3-9", "1-4-10")).as("a new server in a domain").isEqualTo("0-1-6,1-4-10");
        assertThat(GtidSets.advance("0-1-6", null)).as("a transaction without GTID").isEqualTo("0-1-6");
    }

    @Test
    void aMySqlSetGainsEachExecutedTransaction() {
        assertThat(GtidSets.advance(UUID_A + ":1-5", UUID_A + ":6")).isEqualTo(UUID_A + ":1-6");
        assertThat(GtidSets.advance(UUID_A + ":1-5", UUID_A + ":8")).isEqualTo(UUID_A + ":1-5:8");
        assertThat(GtidSets.advance(UUID_A + ":1-5", UUID_B + ":1")).isEqualTo(UUID_A + ":1-5," + UUID_B + ":1");
    }

    @Test
    void theTwoFormsAreTold() {
        assertThat(GtidSets.isMariaDb("0-1-5,1-2-3")).isTrue();
        assertThat(GtidSets.isMariaDb(UUID_A + ":1-5")).isFalse();
        assertThat(GtidSets.isMySql(UUID_A + ":1-5:7, " + UUID_B + ":1")).isTrue();
        assertThat(GtidSets.isMySql("0-1-5")).isFalse();
        assertThat(GtidSets.isMySql("nonsense")).isFalse();
        assertThat(GtidSets.isMariaDb("nonsense")).isFalse();
    }
}
