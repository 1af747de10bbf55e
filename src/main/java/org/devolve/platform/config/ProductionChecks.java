package org.devolve.platform.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;

/**
 * Refuses to start with settings that only development may use: a Keycloak reached over plain http
 * (tokens and passwords in clear) unless {@code devolve.keycloak.allow-http=true}.
 */
@ApplicationScoped
class ProductionChecks {

    void check(@Observes StartupEvent event, DevolveConfig config) {
        String url = config.keycloak().url().trim().toLowerCase(Locale.ROOT);
        if (!url.startsWith("https://") && !config.keycloak().allowHttp()) {
            throw new IllegalStateException("devolve.keycloak.url must be an https:// URL ("
                    + config.keycloak().url() + "); set DEVOLVE_KEYCLOAK_ALLOW_HTTP=true only for development");
        }
    }
}
