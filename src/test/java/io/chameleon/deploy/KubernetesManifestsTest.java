package io.chameleon.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chameleon.config.ChameleonConfig;
import io.chameleon.config.ConfigLoader;
import io.chameleon.config.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kustomize base under deploy/kubernetes parses and carries what a replica pod needs: two replicas, the
 * configuration from the ConfigMap (valid, its health port the probed one), the passwords from the Secret through
 * ${NAME} references, probes on the health endpoints, a non-root read-only security context, and a grace period
 * covering the replica's graceful stop.
 */
class KubernetesManifestsTest {

    private static final Path BASE = Path.of("deploy", "kubernetes", "base");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theKustomizationListsParsableResources() throws IOException {
        JsonNode kustomization = YAML.readTree(BASE.resolve("kustomization.yaml").toFile());
        List<String> resources = texts(kustomization.path("resources"));
        assertThat(resources).containsExactlyInAnyOrder("configmap.yaml", "deployment.yaml");
        for (String resource : resources) {
            assertThat(YAML.readTree(BASE.resolve(resource).toFile()).path("kind").asText()).isNotEmpty();
        }
    }

    @Test
    void theDeploymentRunsAnActiveAndAStandbyPodWithProbesSecretsAndAHardenedContext() throws IOException {
        JsonNode deployment = YAML.readTree(BASE.resolve("deployment.yaml").toFile());
        assertThat(deployment.path("kind").asText()).isEqualTo("Deployment");
        JsonNode spec = deployment.path("spec");
        assertThat(spec.path("replicas").asInt()).isEqualTo(2);
        assertThat(spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asText())
                .as("only the active pod is ever ready: a rollout must not wait for a second ready pod")
                .isEqualTo("100%");
        JsonNode pod = spec.path("template").path("spec");
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).as("the replica's graceful stop is 60 s")
                .isBetween(61, 120);
        JsonNode podSecurity = pod.path("securityContext");
        assertThat(podSecurity.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(podSecurity.path("runAsUser").asInt()).isPositive();

        JsonNode container = pod.path("containers").get(0);
        assertThat(texts(container.path("args"))).containsSubsequence("start_replica", "--foreground")
                .containsSubsequence("--config", "/etc/chameleon/chameleon.yml").containsSubsequence("--source",
                        "mysql");
        JsonNode security = container.path("securityContext");
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(texts(security.path("capabilities").path("drop"))).containsExactly("ALL");

        int port = container.path("ports").get(0).path("containerPort").asInt();
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                .isEqualTo("/q/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("port").asText()).isEqualTo("health");
        assertThat(container.path("ports").get(0).path("name").asText()).isEqualTo("health");

        Map<String, String> secretRefs = new java.util.TreeMap<>();
        for (JsonNode env : container.path("env")) {
            JsonNode ref = env.path("valueFrom").path("secretKeyRef");
            if (!ref.isMissingNode()) {
                secretRefs.put(env.path("name").asText(), ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        }
        assertThat(secretRefs).containsEntry("PG_PASSWORD", "chameleon-passwords/PG_PASSWORD")
                .containsEntry("MYSQL_PASSWORD", "chameleon-passwords/MYSQL_PASSWORD");
        assertThat(container.path("resources").path("requests").path("memory").asText()).isNotEmpty();
        assertThat(container.path("resources").path("requests").path("cpu").asText()).isNotEmpty();

        List<String> mounts = new ArrayList<>();
        container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
        assertThat(mounts).as("writable places under a read-only root: pid dir / home, and /tmp")
                .contains("/etc/chameleon", "/var/lib/chameleon", "/tmp");
        assertThat(pod.path("volumes").findValuesAsText("name")).contains("chameleon-config");

        ChameleonConfig config = configMapConfig(Map.of("PG_PASSWORD", "pg-secret", "MYSQL_PASSWORD", "my-secret"));
        assertThat(config.source("mysql").healthPort()).as("the probed port is the source's health_port")
                .isEqualTo(port);
        assertThat(config.healthAddress()).as("probes come from outside the pod").isEqualTo("0.0.0.0");
        assertThat(config.pidDir().toString()).startsWith("/var/lib/chameleon");
    }

    @Test
    void theConfigurationNamesTheMissingSecretWhenItsVariableIsUnset() {
        assertThatThrownBy(() -> configMapConfig(Map.of("PG_PASSWORD", "pg-secret")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("MYSQL_PASSWORD")
                .hasMessageNotContaining("pg-secret");
    }

    private static ChameleonConfig configMapConfig(Map<String, String> environment) throws IOException {
        JsonNode configMap = YAML.readTree(BASE.resolve("configmap.yaml").toFile());
        String text = configMap.path("data").path("chameleon.yml").asText();
        assertThat(text).contains("${PG_PASSWORD}", "${MYSQL_PASSWORD}");
        Path dir = Files.createTempDirectory("k8s-config");
        try {
            Path file = Files.writeString(dir.resolve("chameleon.yml"), text);
            return ConfigLoader.load(file, environment::get).config();
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
