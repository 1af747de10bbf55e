package org.devolve.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which paths the single-page app answers with index.html (its own router then shows them). */
class WebAppTest {

    @Test
    void theUisScreensAreAppRoutes() {
        assertTrue(WebApp.isAppRoute("/proposals/123"));
        assertTrue(WebApp.isAppRoute("/proposals/123/results"));
        assertTrue(WebApp.isAppRoute("/circles/riverside-housing"));
        assertTrue(WebApp.isAppRoute("/signed-in"));
        assertTrue(WebApp.isAppRoute("/apiary"));
    }

    @Test
    void theApiQuarkusFilesAndTheRootAreNot() {
        assertFalse(WebApp.isAppRoute("/"));
        assertFalse(WebApp.isAppRoute("/api"));
        assertFalse(WebApp.isAppRoute("/api/v1/no-such-thing"));
        assertFalse(WebApp.isAppRoute("/q/openapi"));
        assertFalse(WebApp.isAppRoute("/assets/index-abc123.js"));
        assertFalse(WebApp.isAppRoute("/config.json"));
        assertFalse(WebApp.isAppRoute("/favicon.svg"));
    }
}
