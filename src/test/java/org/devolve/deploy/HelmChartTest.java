package org.devolve.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Helm chart in {@code helm/devolve}, linted strictly and rendered with {@code helm template} (Helm's own
 * engine, through helm-java) for several value sets; the assertions are on the parsed manifests, as an
 * operator would find them in the cluster.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("helm", "devolve");
    private static final Path PRODUCTION_VALUES = CHART.resolve("ci/production-values.yaml");
    private static final String KUBE_VERSION = "1.30.0";
    private static final String RELEASE = "decide";
    private static final String NAMESPACE = "devolve";
    private static final String FULLNAME = "decide-devolve";

    /** The values without a default: where PostgreSQL, Keycloak and the web UI are, and the Secrets' names. */
    private static final Map<String, String> REQUIRED = Map.of(
            "database.jdbcUrl", "jdbc:postgresql://devolve-db-rw.db.svc:5432/devolve?sslmode=require",
            "database.existingSecret", "devolve-db",
            "keycloak.url", "https://id.example.org",
            "ledger.existingSecret", "devolve-ledger",
            "web.publicUrl", "https://decide.example.org",
            "invitations.existingSecret", "devolve-invitations");

    /** Environment variables that carry credentials: never a plain value. */
    private static final Set<String> CREDENTIALS = Set.of(
            "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD",
            "DEVOLVE_LEDGER_PSEUDONYM_SECRET",
            "DEVOLVE_INVITATIONS_SECRET",
            "DEVOLVE_WEBHOOKS_SECRET_KEY");

    private static final Pattern SECRET_LIKE = Pattern.compile("(?i)PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY");

    // ---------------------------------------------------------------- value sets

    /** Every value set the chart is rendered with: the defaults and one set per optional feature. */
    static Stream<Arguments> valueSets() {
        return Stream.of(
                Arguments.of("defaults", Map.of(), List.of()),
                Arguments.of("autoscaling on", Map.of("autoscaling.enabled", "true"), List.of()),
                Arguments.of("network policy off", Map.of("networkPolicy.enabled", "false"), List.of()),
                Arguments.of("ingress on", ingressOn(), List.of()),
                Arguments.of("one replica", Map.of("replicaCount", "1"), List.of()),
                Arguments.of("mail over smtp", mailOn(), List.of()),
                Arguments.of("production example", Map.of(), List.of(PRODUCTION_VALUES)));
    }

    private static Map<String, String> mailOn() {
        return Map.of(
                "mail.mode", "smtp",
                "mail.existingSecret", "devolve-mail",
                "mail.smtp.host", "smtp.example.org");
    }

    private static Map<String, String> ingressOn() {
        return Map.of(
                "ingress.enabled", "true",
                "ingress.className", "nginx",
                "ingress.hosts[0].host", "decide.example.org",
                "ingress.tls[0].secretName", "devolve-tls",
                "ingress.tls[0].hosts[0]", "decide.example.org");
    }

    // ---------------------------------------------------------------- lint

    @Test
    void lintsStrictlyWithItsOwnDefaults() {
        LintResult lint = new Helm(CHART).lint().strict().call();
        assertFalse(lint.isFailed(), () -> "helm lint --strict failed: " + lint.getMessages());
    }

    @Test
    void lintFailsWhenValuesYamlHasAMisspelledKey(@TempDir Path dir) throws IOException {
        Path copy = copyChart(dir);
        Files.writeString(
                copy.resolve("values.yaml"), Files.readString(copy.resolve("values.yaml")) + "\nreplicaCont: 3\n");

        LintResult lint = new Helm(copy).lint().strict().call();

        assertTrue(lint.isFailed(), "a misspelled key in values.yaml passed the linter");
        assertTrue(
                lint.getMessages().toString().contains("replicaCont"),
                () -> "lint did not name the key: " + lint.getMessages());
    }

    // ---------------------------------------------------------------- what every value set renders

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void podAndContainerFollowTheRestrictedPodSecurityStandard(String name, Map<String, String> set, List<Path> files) {
        Map<String, Object> pod = podSpec(render(set, files));
        Map<String, Object> podSecurity = map(pod, "securityContext");
        assertEquals(true, podSecurity.get("runAsNonRoot"), "pod runAsNonRoot");
        assertEquals(185, podSecurity.get("runAsUser"), "pod runs as the image's user 185");
        assertEquals("RuntimeDefault", get(podSecurity, "seccompProfile.type"), "pod seccomp profile");

        Map<String, Object> container = devolveContainer(pod);
        Map<String, Object> security = map(container, "securityContext");
        assertEquals(true, security.get("runAsNonRoot"), "container runAsNonRoot");
        assertEquals(false, security.get("allowPrivilegeEscalation"), "container allowPrivilegeEscalation");
        assertEquals(true, security.get("readOnlyRootFilesystem"), "container readOnlyRootFilesystem");
        assertEquals(false, security.get("privileged"), "container privileged");
        assertEquals(List.of("ALL"), get(security, "capabilities.drop"), "container drops every capability");
        assertNull(get(security, "capabilities.add"), "container adds no capability");
        assertEquals("RuntimeDefault", get(security, "seccompProfile.type"), "container seccomp profile");

        assertEquals(false, pod.get("automountServiceAccountToken"), "the pod mounts no service account token");
        assertNull(pod.get("hostNetwork"));
        assertNull(pod.get("hostPID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void onlyTmpIsWritableAndItIsAnEmptyDir(String name, Map<String, String> set, List<Path> files) {
        Map<String, Object> pod = podSpec(render(set, files));
        List<Map<String, Object>> volumes = list(pod, "volumes");
        assertEquals(1, volumes.size(), "one volume, /tmp: " + volumes);
        assertEquals("tmp", volumes.get(0).get("name"));
        assertNotNull(volumes.get(0).get("emptyDir"), "/tmp is an emptyDir");
        assertEquals(List.of(Map.of("name", "tmp", "mountPath", "/tmp")), list(devolveContainer(pod), "volumeMounts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyProbeAsksTheManagementPort(String name, Map<String, String> set, List<Path> files) {
        Map<String, Object> container = devolveContainer(podSpec(render(set, files)));
        int managementPort = containerPort(container, "management");
        assertEquals(9000, managementPort, "the management port is 9000");
        assertEquals(8080, containerPort(container, "http"), "the HTTP port is 8080");

        Map<String, String> paths = Map.of(
                "startupProbe", "/q/health/started",
                "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        paths.forEach((probe, path) -> {
            Map<String, Object> httpGet = map(map(container, probe), "httpGet");
            assertEquals(path, httpGet.get("path"), probe + " path");
            Object port = httpGet.get("port");
            assertTrue(
                    "management".equals(port) || Integer.valueOf(managementPort).equals(port),
                    probe + " asks port " + port + ", not the management port");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void resourcesAreAlwaysSet(String name, Map<String, String> set, List<Path> files) {
        Map<String, Object> resources = map(devolveContainer(podSpec(render(set, files))), "resources");
        assertNotNull(get(resources, "requests.cpu"), "CPU request");
        assertNotNull(get(resources, "requests.memory"), "memory request");
        assertNotNull(get(resources, "limits.memory"), "memory limit");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void credentialsComeOnlyFromSecrets(String name, Map<String, String> set, List<Path> files) {
        Rendered rendered = render(set, files);
        List<Map<String, Object>> env = list(devolveContainer(podSpec(rendered)), "env");
        Set<String> names = env.stream().map(e -> (String) e.get("name")).collect(Collectors.toSet());
        assertTrue(names.containsAll(CREDENTIALS), "credentials missing from the environment: " + names);
        for (Map<String, Object> variable : env) {
            String variableName = (String) variable.get("name");
            if (CREDENTIALS.contains(variableName)
                    || SECRET_LIKE.matcher(variableName).find()) {
                assertFalse(variable.containsKey("value"), variableName + " is a plain value");
                assertNotNull(get(variable, "valueFrom.secretKeyRef.name"), variableName + " is not from a Secret");
            }
        }
        assertTrue(
                rendered.kinds().stream().noneMatch(kind -> kind.equals("Secret") || kind.equals("ConfigMap")),
                "the chart renders no Secret or ConfigMap of its own: " + rendered.kinds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void theEmbeddedDatabaseIsNeverStarted(String name, Map<String, String> set, List<Path> files) {
        List<Map<String, Object>> env = list(devolveContainer(podSpec(render(set, files))), "env");
        List<Map<String, Object>> embedded = env.stream()
                .filter(e -> "DEVOLVE_DATABASE_EMBEDDED_ENABLED".equals(e.get("name")))
                .toList();
        assertEquals(1, embedded.size(), "DEVOLVE_DATABASE_EMBEDDED_ENABLED is set exactly once");
        assertEquals("false", embedded.get(0).get("value"));
        assertEquals(
                1,
                env.stream()
                        .filter(e -> "QUARKUS_DATASOURCE_JDBC_URL".equals(e.get("name")))
                        .count(),
                "the JDBC URL is set exactly once");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyObjectCarriesTheStandardLabels(String name, Map<String, String> set, List<Path> files) {
        Rendered rendered = render(set, files);
        for (Map<String, Object> object : rendered.documents()) {
            Map<String, Object> labels = map(map(object, "metadata"), "labels");
            String what = object.get("kind") + " " + get(object, "metadata.name");
            assertEquals("devolve", labels.get("app.kubernetes.io/name"), what);
            assertEquals(RELEASE, labels.get("app.kubernetes.io/instance"), what);
            assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"), what);
            assertEquals("devolve-" + chartYaml("version"), labels.get("helm.sh/chart"), what);
            assertNotNull(labels.get("app.kubernetes.io/version"), what);
            assertEquals(NAMESPACE, get(object, "metadata.namespace"), what);
        }
        Map<String, Object> deployment = rendered.one("Deployment");
        Map<String, Object> selector = map(map(map(deployment, "spec"), "selector"), "matchLabels");
        assertEquals(
                Map.of("app.kubernetes.io/name", "devolve", "app.kubernetes.io/instance", RELEASE),
                selector,
                "the selector holds only labels that never change between upgrades");
        Map<String, Object> podLabels = map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
        selector.forEach((key, value) -> assertEquals(value, podLabels.get(key), "pod label " + key));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void aDisruptionBudgetAndTopologySpreadKeepReplicasApart(String name, Map<String, String> set, List<Path> files) {
        Rendered rendered = render(set, files);
        Map<String, Object> pdb = rendered.one("PodDisruptionBudget");
        assertEquals("policy/v1", pdb.get("apiVersion"));
        Map<String, Object> selector = map(map(map(rendered.one("Deployment"), "spec"), "selector"), "matchLabels");
        assertEquals(selector, get(pdb, "spec.selector.matchLabels"), "the PDB selects Devolve's pods");
        assertEquals(
                1,
                get(pdb, "spec.maxUnavailable"),
                "one pod at a time, and a one-replica release can still be drained");

        List<Map<String, Object>> spread = list(podSpec(rendered), "topologySpreadConstraints");
        Set<Object> keys = spread.stream().map(c -> c.get("topologyKey")).collect(Collectors.toSet());
        assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), keys);
        spread.forEach(
                c -> assertEquals(selector, get(c, "labelSelector.matchLabels"), "spread counts Devolve's pods"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void theServiceExposesHttpAndManagementToThePods(String name, Map<String, String> set, List<Path> files) {
        Rendered rendered = render(set, files);
        Map<String, Object> service = rendered.one("Service");
        Map<String, Object> ports = new LinkedHashMap<>();
        for (Map<String, Object> port : list(map(service, "spec"), "ports")) {
            ports.put((String) port.get("name"), port.get("port") + "->" + port.get("targetPort"));
        }
        assertEquals(Map.of("http", "8080->http", "management", "9000->management"), ports);
        assertEquals(get(rendered.one("Deployment"), "spec.selector.matchLabels"), get(service, "spec.selector"));

        Map<String, Object> account = rendered.one("ServiceAccount");
        assertEquals(false, account.get("automountServiceAccountToken"), "the ServiceAccount mounts no token");
        assertEquals(get(account, "metadata.name"), podSpec(rendered).get("serviceAccountName"));
    }

    /**
     * Each rendered object read into the Kubernetes API types (fabric8's models of the Kubernetes OpenAPI):
     * a misspelled or misplaced field (readOnlyRootFileSystem, a probe's port under the wrong key), which the
     * API server would drop or refuse, or a value of the wrong type, fails here.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void everyObjectIsAKubernetesObjectWithoutUnknownFields(String name, Map<String, String> set, List<Path> files) {
        for (Map<String, Object> object : render(set, files).documents()) {
            String kind = (String) object.get("kind");
            String what = kind + " " + get(object, "metadata.name");
            if (kind.equals("ServiceMonitor")) {
                continue; // a CRD of the Prometheus Operator, not a Kubernetes type; checked field by field above
            }
            Class<?> type = KUBERNETES_TYPES.get(object.get("apiVersion") + "/" + kind);
            assertNotNull(type, () -> what + ": no Kubernetes type known for " + object.get("apiVersion") + " " + kind);
            Object typed;
            try {
                typed = KUBERNETES.convertValue(object, type);
            } catch (IllegalArgumentException e) {
                throw new AssertionError(what + " is not a valid " + kind + ": " + e.getMessage(), e);
            }
            List<String> unknown = new ArrayList<>();
            collectUnknownFields(typed, kind, unknown);
            assertTrue(unknown.isEmpty(), () -> what + " has fields Kubernetes does not know: " + unknown);
        }
    }

    // ---------------------------------------------------------------- features, one by one

    @Test
    void theDefaultsRenderTheCoreObjectsAndTheNetworkPolicyAndNothingOptional() {
        Rendered rendered = render(Map.of(), List.of());
        assertEquals(
                new TreeSet<>(
                        List.of("Deployment", "NetworkPolicy", "PodDisruptionBudget", "Service", "ServiceAccount")),
                new TreeSet<>(rendered.kinds()));
        assertEquals(2, get(rendered.one("Deployment"), "spec.replicas"), "two replicas by default");
        assertEquals(
                "devolve:" + chartYaml("appVersion"),
                devolveContainer(podSpec(rendered)).get("image"),
                "the image tag defaults to the chart's appVersion");
    }

    @Test
    void onOpenShiftTheUserIsLeftToThePlatform() {
        Map<String, Object> pod = podSpec(
                render(Map.of("securityContext.runAsUser", "null", "securityContext.runAsGroup", "null"), List.of()));
        Map<String, Object> podSecurity = map(pod, "securityContext");
        assertFalse(podSecurity.containsKey("runAsUser"), "no fixed user: restricted-v2 assigns one");
        assertFalse(podSecurity.containsKey("runAsGroup"));
        assertEquals(true, podSecurity.get("runAsNonRoot"), "still never root");
        assertTrue(renderFails(Map.of("securityContext.runAsUser", "0")).contains("runAsUser"), "root is refused");
    }

    @Test
    void oneReplicaWhenAsked() {
        Rendered rendered = render(Map.of("replicaCount", "1"), List.of());
        assertEquals(1, get(rendered.one("Deployment"), "spec.replicas"));
        assertEquals(
                1,
                get(rendered.one("PodDisruptionBudget"), "spec.maxUnavailable"),
                "with one replica the PDB still lets a node be drained");
    }

    @Test
    void autoscalingOwnsTheReplicaCountWhenOn() {
        Rendered off = render(Map.of(), List.of());
        assertTrue(off.all("HorizontalPodAutoscaler").isEmpty(), "no HPA unless enabled");

        Rendered on = render(
                Map.of("autoscaling.enabled", "true", "autoscaling.minReplicas", "3", "autoscaling.maxReplicas", "9"),
                List.of());
        Map<String, Object> hpa = on.one("HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.get("apiVersion"));
        assertEquals(3, get(hpa, "spec.minReplicas"));
        assertEquals(9, get(hpa, "spec.maxReplicas"));
        assertEquals(
                Map.of("apiVersion", "apps/v1", "kind", "Deployment", "name", FULLNAME),
                get(hpa, "spec.scaleTargetRef"));
        assertEquals(70, get(hpa, "spec.metrics[0].resource.target.averageUtilization"));
        assertFalse(
                map(on.one("Deployment"), "spec").containsKey("replicas"),
                "with an HPA the Deployment has no fixed replica count (each upgrade would reset it)");
    }

    @Test
    void autoscalingRefusesAMaximumBelowTheMinimum() {
        String error = renderFails(
                Map.of("autoscaling.enabled", "true", "autoscaling.minReplicas", "4", "autoscaling.maxReplicas", "2"));
        assertTrue(error.contains("autoscaling.maxReplicas"), error);
    }

    @Test
    void theNetworkPolicyAllowsDnsPostgresqlAndKeycloakOut() {
        assertTrue(
                render(Map.of("networkPolicy.enabled", "false"), List.of())
                        .all("NetworkPolicy")
                        .isEmpty(),
                "no NetworkPolicy when switched off");

        Map<String, Object> policy = render(Map.of(), List.of()).one("NetworkPolicy");
        assertEquals(List.of("Ingress", "Egress"), get(policy, "spec.policyTypes"));
        assertEquals(
                get(policy, "spec.podSelector.matchLabels"),
                Map.of("app.kubernetes.io/name", "devolve", "app.kubernetes.io/instance", RELEASE));

        Set<String> egress = new TreeSet<>();
        for (Map<String, Object> rule : list(map(policy, "spec"), "egress")) {
            for (Map<String, Object> port : list(rule, "ports")) {
                egress.add(port.get("protocol") + "/" + port.get("port"));
            }
        }
        assertEquals(
                new TreeSet<>(List.of("UDP/53", "TCP/53", "TCP/5432", "TCP/443")),
                egress,
                "egress: DNS over UDP and TCP, PostgreSQL, Keycloak, and nothing else");

        List<Map<String, Object>> ingress = list(map(policy, "spec"), "ingress");
        Map<String, Object> http = ruleFor(ingress, "http");
        assertNull(http.get("from"), "by default the HTTP port is open to any peer");
        Map<String, Object> management = ruleFor(ingress, "management");
        assertEquals(
                List.of(Map.of(
                        "namespaceSelector",
                        Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring")))),
                management.get("from"),
                "the management port is open to the monitoring namespace only");
    }

    @Test
    void theProductionExampleNarrowsEveryPeer() {
        Rendered rendered = render(Map.of(), List.of(PRODUCTION_VALUES));
        Map<String, Object> policy = rendered.one("NetworkPolicy");
        for (Map<String, Object> rule : list(map(policy, "spec"), "egress")) {
            assertNotNull(rule.get("to"), "every egress rule of the example names its peers: " + rule);
        }
        assertEquals(
                "ingress-nginx",
                get(
                        ruleFor(list(map(policy, "spec"), "ingress"), "http"),
                        "from[0].namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name"));
        Map<String, Object> monitor = rendered.one("ServiceMonitor");
        assertEquals("management", get(monitor, "spec.endpoints[0].port"));
        assertEquals("/q/metrics", get(monitor, "spec.endpoints[0].path"));
        assertEquals(3, get(rendered.one("HorizontalPodAutoscaler"), "spec.minReplicas"));
    }

    @Test
    void theIngressRoutesItsHostToTheHttpPortOverTls() {
        assertTrue(render(Map.of(), List.of()).all("Ingress").isEmpty(), "no Ingress unless enabled");

        Map<String, Object> ingress = render(ingressOn(), List.of()).one("Ingress");
        assertEquals("nginx", get(ingress, "spec.ingressClassName"));
        assertEquals("decide.example.org", get(ingress, "spec.rules[0].host"));
        Map<String, Object> path = cast(get(ingress, "spec.rules[0].http.paths[0]"));
        assertEquals("/", path.get("path"));
        assertEquals("Prefix", path.get("pathType"));
        assertEquals(
                Map.of("name", FULLNAME, "port", Map.of("name", "http")),
                get(path, "backend.service"),
                "the Ingress reaches the HTTP port, never the management port");
        assertEquals(
                List.of(Map.of("hosts", List.of("decide.example.org"), "secretName", "devolve-tls")),
                get(ingress, "spec.tls"));
    }

    @Test
    void anIngressWithoutAHostIsRefused() {
        String error = renderFails(Map.of("ingress.enabled", "true"));
        assertTrue(error.contains("ingress.hosts"), error);
    }

    @Test
    void theJdbcUrlCanComeFromTheDatabaseSecret() {
        Map<String, String> set = Map.of("database.jdbcUrl", "", "database.jdbcUrlKey", "jdbc-uri");
        List<Map<String, Object>> env = list(devolveContainer(podSpec(render(set, List.of()))), "env");
        Map<String, Object> url = env.stream()
                .filter(e -> "QUARKUS_DATASOURCE_JDBC_URL".equals(e.get("name")))
                .findFirst()
                .orElseThrow();
        assertFalse(url.containsKey("value"));
        assertEquals(Map.of("name", "devolve-db", "key", "jdbc-uri"), get(url, "valueFrom.secretKeyRef"));
    }

    @Test
    void aDigestPinsTheImage() {
        String digest = "sha256:" + "ab".repeat(32);
        Rendered rendered =
                render(Map.of("image.repository", "registry.example.org/devolve", "image.digest", digest), List.of());
        assertEquals(
                "registry.example.org/devolve@" + digest,
                devolveContainer(podSpec(rendered)).get("image"));
    }

    @Test
    void theKeycloakSettingsReachThePods() {
        List<Map<String, Object>> env =
                list(devolveContainer(podSpec(render(Map.of("keycloak.realm", "federation"), List.of()))), "env");
        Map<String, Object> values = new LinkedHashMap<>();
        env.forEach(e -> values.put((String) e.get("name"), e.get("value")));
        assertEquals("https://id.example.org", values.get("DEVOLVE_KEYCLOAK_URL"));
        assertEquals("federation", values.get("DEVOLVE_KEYCLOAK_REALM"));
        assertEquals("devolve-web", values.get("DEVOLVE_KEYCLOAK_WEB_CLIENT_ID"));
        assertEquals("32", values.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
        assertEquals("75", values.get("JAVA_MAX_MEM_RATIO"));
    }

    @Test
    void mailIsOffUnlessAskedAndItsSettingsAndSecretsReachThePods() {
        List<Map<String, Object>> off = list(devolveContainer(podSpec(render(Map.of(), List.of()))), "env");
        Map<String, Object> offValues = new LinkedHashMap<>();
        off.forEach(e -> offValues.put((String) e.get("name"), e.get("value")));
        assertEquals("off", offValues.get("DEVOLVE_MAIL_MODE"), "production says off explicitly");
        assertFalse(offValues.containsKey("QUARKUS_MAILER_HOST"));

        Rendered rendered = render(mailOn(), List.of());
        List<Map<String, Object>> env = list(devolveContainer(podSpec(rendered)), "env");
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        env.forEach(e -> byName.put((String) e.get("name"), e));
        assertEquals("smtp", byName.get("DEVOLVE_MAIL_MODE").get("value"));
        assertEquals("smtp.example.org", byName.get("QUARKUS_MAILER_HOST").get("value"));
        assertEquals("587", byName.get("QUARKUS_MAILER_PORT").get("value"));
        assertEquals("REQUIRED", byName.get("QUARKUS_MAILER_START_TLS").get("value"));
        for (String secret :
                List.of("DEVOLVE_MAIL_UNSUBSCRIBE_KEY", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD")) {
            assertEquals("devolve-mail", get(byName.get(secret), "valueFrom.secretKeyRef.name"), secret);
        }
        Set<String> egress = new TreeSet<>();
        for (Map<String, Object> rule : list(map(rendered.one("NetworkPolicy"), "spec"), "egress")) {
            for (Map<String, Object> port : list(rule, "ports")) {
                egress.add(port.get("protocol") + "/" + port.get("port"));
            }
        }
        assertTrue(egress.contains("TCP/587"), "the SMTP server is reachable: " + egress);

        String noSecret = renderFails(Map.of("mail.mode", "smtp", "mail.smtp.host", "smtp.example.org"));
        assertTrue(noSecret.contains("existingSecret"), noSecret);
        String noHost = renderFails(Map.of("mail.mode", "smtp", "mail.existingSecret", "devolve-mail"));
        assertTrue(noHost.contains("host"), noHost);
        assertTrue(renderFails(Map.of("mail.mode", "sometimes")).contains("mode"));
    }

    // ---------------------------------------------------------------- what the schema refuses

    @Test
    void theSchemaRefusesAMisspelledKey() {
        assertTrue(renderFails(Map.of("replicaCont", "3")).contains("replicaCont"));
        assertTrue(renderFails(Map.of("database.existingSecrt", "devolve-db")).contains("existingSecrt"));
        assertTrue(renderFails(Map.of("podSecurityContext.runAsUser", "0")).contains("podSecurityContext"));
    }

    @Test
    void aMissingDatabaseSecretIsRefused() {
        Map<String, String> set = new LinkedHashMap<>(REQUIRED);
        set.remove("database.existingSecret");
        String absent = renderFails(set, false);
        assertTrue(absent.contains("database.existingSecret is required"), absent);

        String removed = renderFails(Map.of("database.existingSecret", "null"));
        assertTrue(removed.contains("existingSecret"), removed);
    }

    @Test
    void everyRequiredValueIsNamedWhenMissing() {
        for (String key : REQUIRED.keySet()) {
            Map<String, String> set = new LinkedHashMap<>(REQUIRED);
            set.remove(key);
            String error = renderFails(set, false);
            assertTrue(error.contains(key + " is required"), () -> key + ": " + error);
        }
    }

    @Test
    void theSchemaRefusesCredentialsInValues() {
        assertTrue(renderFails(
                        Map.of("database.jdbcUrl", "jdbc:postgresql://db:5432/devolve?user=devolve&password=hunter2"))
                .contains("/database/jdbcUrl"));
        assertTrue(renderFails(Map.of("extraEnv[0].name", "SMTP_PASSWORD", "extraEnv[0].value", "hunter2"))
                .contains("/extraEnv/0"));
        assertTrue(
                renderFails(Map.of("extraEnv[0].name", "DEVOLVE_DATABASE_EMBEDDED_ENABLED", "extraEnv[0].value", "yes"))
                        .contains("/extraEnv/0/name"),
                "extraEnv cannot override a variable the chart sets");
    }

    @Test
    void theSchemaRefusesAReleaseWithoutResources() {
        assertTrue(renderFails(Map.of("resources.limits.memory", "null")).contains("memory"));
        assertTrue(renderFails(Map.of("resources.requests", "null")).contains("requests"));
    }

    @Test
    void extraEnvTakesSecretsByReference(@TempDir Path dir) throws IOException {
        Path values = dir.resolve("extra.yaml");
        Files.writeString(values, """
                extraEnv:
                  - name: DEVOLVE_PAGING_MAX_LIMIT
                    value: "200"
                  - name: SMTP_PASSWORD
                    valueFrom:
                      secretKeyRef: {name: devolve-mail, key: password}
                """);
        List<Map<String, Object>> env = list(devolveContainer(podSpec(render(Map.of(), List.of(values)))), "env");
        assertTrue(env.contains(Map.of("name", "DEVOLVE_PAGING_MAX_LIMIT", "value", "200")), env.toString());
        assertTrue(
                env.contains(Map.of(
                        "name",
                        "SMTP_PASSWORD",
                        "valueFrom",
                        Map.of("secretKeyRef", Map.of("name", "devolve-mail", "key", "password")))),
                env.toString());
    }

    @Test
    void theChartDeploysTheServiceVersionOfThisBuild() throws IOException {
        Matcher version = Pattern.compile("<artifactId>devolve</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find(), "no version in pom.xml");
        assertEquals(
                version.group(1).replace("-SNAPSHOT", ""),
                chartYaml("appVersion"),
                "Chart.yaml appVersion (the default image tag) is not the version in pom.xml");
    }

    // ---------------------------------------------------------------- rendering

    private record Rendered(List<Map<String, Object>> documents) {

        List<String> kinds() {
            return documents.stream().map(d -> (String) d.get("kind")).toList();
        }

        List<Map<String, Object>> all(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = all(kind);
            assertEquals(1, found.size(), () -> "expected one " + kind + " among " + kinds());
            return found.get(0);
        }
    }

    /** {@code helm template} with the required values, then {@code set} ({@code --set}) and values files. */
    private static Rendered render(Map<String, String> set, List<Path> files) {
        TemplateCommand template = template(set, files, true);
        String yaml = template.call();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document != null) {
                documents.add(cast(document));
            }
        }
        assertFalse(documents.isEmpty(), "helm template rendered nothing");
        return new Rendered(documents);
    }

    private static String renderFails(Map<String, String> set) {
        return renderFails(set, true);
    }

    /** The message of a {@code helm template} that must fail. */
    private static String renderFails(Map<String, String> set, boolean withRequired) {
        Exception error = assertThrows(
                Exception.class,
                () -> template(set, List.of(), withRequired).call(),
                () -> "helm template accepted " + set);
        return String.valueOf(error.getMessage());
    }

    private static TemplateCommand template(Map<String, String> set, List<Path> files, boolean withRequired) {
        TemplateCommand template = new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        if (withRequired) {
            for (Map.Entry<String, String> value : REQUIRED.entrySet()) {
                template = template.set(value.getKey(), value.getValue());
            }
        }
        for (Path file : files) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, String> value : set.entrySet()) {
            template = template.set(value.getKey(), value.getValue());
        }
        return template;
    }

    private static Path copyChart(Path target) throws IOException {
        Path copy = target.resolve("devolve");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path file : files.toList()) {
                Path to = copy.resolve(CHART.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        return copy;
    }

    private static String chartYaml(String key) {
        try {
            Map<String, Object> chart =
                    cast(new Yaml(new LoaderOptions()).load(Files.readString(CHART.resolve("Chart.yaml"))));
            return String.valueOf(chart.get(key));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- Kubernetes types

    private static final Map<String, Class<?>> KUBERNETES_TYPES = Map.of(
            "apps/v1/Deployment",
            io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "v1/Service",
            io.fabric8.kubernetes.api.model.Service.class,
            "v1/ServiceAccount",
            io.fabric8.kubernetes.api.model.ServiceAccount.class,
            "policy/v1/PodDisruptionBudget",
            io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler",
            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy",
            io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress",
            io.fabric8.kubernetes.api.model.networking.v1.Ingress.class);

    /** No coercion: the API server refuses "false" for a boolean and "2" for an integer, so must this. */
    private static final ObjectMapper KUBERNETES = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    /** The models keep fields they do not know in additionalProperties: any there is a field Kubernetes lacks. */
    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object fieldValue;
                    try {
                        fieldValue = field.get(value);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                    if (field.getName().equals("additionalProperties")) {
                        if (fieldValue instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            unknown.add(path + ": " + extra.keySet());
                        }
                    } else {
                        collectUnknownFields(fieldValue, path + "." + field.getName(), unknown);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- reading manifests

    private static Map<String, Object> podSpec(Rendered rendered) {
        return cast(get(rendered.one("Deployment"), "spec.template.spec"));
    }

    private static Map<String, Object> devolveContainer(Map<String, Object> pod) {
        List<Map<String, Object>> containers = list(pod, "containers");
        assertEquals(1, containers.size(), "one container");
        assertEquals("devolve", containers.get(0).get("name"));
        return containers.get(0);
    }

    private static int containerPort(Map<String, Object> container, String name) {
        return list(container, "ports").stream()
                .filter(p -> name.equals(p.get("name")))
                .map(p -> (Integer) p.get("containerPort"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    private static Map<String, Object> ruleFor(List<Map<String, Object>> rules, String port) {
        return rules.stream()
                .filter(r -> list(r, "ports").stream().anyMatch(p -> port.equals(p.get("port"))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ingress rule for port " + port + ": " + rules));
    }

    /**
     * The value at a dotted path, with {@code [i]} for list items and {@code \.} for a dot inside a key;
     * {@code null} when any step is missing.
     */
    private static Object get(Object root, String path) {
        Object current = root;
        for (String step : path.split("(?<!\\\\)\\.")) {
            step = step.replace("\\.", ".");
            int index = -1;
            Matcher item = Pattern.compile("^(.*)\\[(\\d+)]$").matcher(step);
            if (item.matches()) {
                step = item.group(1);
                index = Integer.parseInt(item.group(2));
            }
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
            if (index >= 0) {
                if (!(current instanceof List<?> list) || list.size() <= index) {
                    return null;
                }
                current = list.get(index);
            }
        }
        return current;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            fail("expected an object at '" + key + "' in " + parent);
        }
        return cast(value);
    }

    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof List)) {
            fail("expected a list at '" + key + "' in " + parent);
        }
        return cast(value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
