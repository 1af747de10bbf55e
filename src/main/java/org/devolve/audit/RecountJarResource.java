package org.devolve.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.devolve.platform.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The recount command for download: {@code java -jar devolve-recount.jar document.json} or {@code --ledger}. */
@Path("/api/v1/recount.jar")
@Tag(name = "Ledger")
class RecountJarResource {

    private static final String JAR = "application/java-archive";

    private final RecountJar recount;

    RecountJarResource(RecountJar recount) {
        this.recount = recount;
    }

    @GET
    @Operation(
            summary = "The recount command (anyone)",
            description = "The tally engine as one jar, the code that counted every result: "
                    + "`java -jar devolve-recount.jar devolve-<id>.json` recounts an exported tally document, "
                    + "`--ledger ledger.json` checks a ledger export and recounts from it. Java 17 or later. "
                    + "Its SHA-256 is its entity tag.")
    @APIResponse(
            responseCode = "200",
            description = "The jar",
            content =
                    @Content(
                            mediaType = JAR,
                            schema =
                                    @Schema(
                                            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                            format = "binary")))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match)")
    public Response download(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        RecountJar.Jar jar = recount.jar()
                .orElseThrow(() -> ProblemException.notFound("The recount jar (this build of the service has none)"));
        if (("\"" + jar.sha256() + "\"").equals(ifNoneMatch)) {
            return Response.notModified().tag(jar.sha256()).build();
        }
        return Response.ok(jar.bytes(), JAR)
                .tag(jar.sha256())
                .header("Content-Disposition", "attachment; filename=\"devolve-recount.jar\"")
                .build();
    }
}
