package io.chameleon.config;

/**
 * The configuration reference ({@code docs/configuration.md}), generated from {@link ConfigKeys} so it always
 * says what the validator checks.
 */
public final class ConfigReferenceDoc {

    private ConfigReferenceDoc() {
    }

    public static String markdown() {
        StringBuilder text = new StringBuilder()
                .append("# Configuration reference\n\n")
                .append("<!-- Generated from io.chameleon.config.ConfigKeys; do not edit by hand. Regenerate with\n")
                .append("     ./mvnw test -Dtest=ConfigReferenceDocTest -Dchameleon.regenerateDocs=true -->\n\n")
                .append("Chameleon reads pg_chameleon's YAML configuration files unchanged. `*` in a key stands\n")
                .append("for a ")
                .append("source name. Text values may use `${ENV_NAME}` or `${ENV_NAME:-default}` to read the\n")
                .append("environment, e.g. for passwords. Keys of origin `chameleon` are our additions; pg_chameleon\n")
                .append("ignores them. Required `mysql sources`: must be written for `type: mysql` sources, while\n")
                .append("`type: pgsql` sources (copy only) fall back to the default shown.\n\n")
                .append("| key | value | required | default | description | origin |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (ConfigKey<?> key : ConfigKeys.all()) {
            text.append("| `").append(key.path()).append("` | ")
                    .append(cell(key.kind().summary())).append(" | ")
                    .append(key.requirement().label()).append(" | ")
                    .append(key.defaultValue() == null ? "" : "`" + key.defaultValue() + "`").append(" | ")
                    .append(cell(key.description())).append(" | ")
                    .append(key.origin().label()).append(" |\n");
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
