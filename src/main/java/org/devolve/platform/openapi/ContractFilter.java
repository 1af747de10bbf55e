package org.devolve.platform.openapi;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Three touches to the generated contract:
 * <ul>
 *   <li>on every operation of the API, errors are problems: {@code 4XX} and {@code 5XX} answer
 *       {@code application/problem+json} with the {@code Problem} schema;</li>
 *   <li>a page of items is named after its items' schema ({@code PageMyBallot}, {@code PageArgument}), not
 *       after the Java class that happens to carry them ({@code PageMine}, {@code PageView}), so that clients
 *       generated from the contract get meaningful type names;</li>
 *   <li>a reference stands alone: a property that refers to a schema carries no {@code type: object} of its own (the
 *       scanner adds {@code object} where a field that is served raw, such as the engine's result, is described by
 *       a schema of its own).</li>
 * </ul>
 */
public class ContractFilter implements OASFilter {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null
                && schema.getType() != null
                && schema.getType().equals(List.of(Schema.SchemaType.OBJECT))) {
            schema.setType(null);
        }
        return schema;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, String> pageNames = renamePages(openAPI);
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                operation.getResponses().getAPIResponses().values().forEach(r -> refer(r.getContent(), pageNames));
                operation.getResponses().addAPIResponse("4XX", problem("The request was refused"));
                operation.getResponses().addAPIResponse("5XX", problem("The service failed or is unavailable"));
            }
        }
    }

    /** Renames every {@code Page…} schema to {@code Page} + its items' schema; returns old ref → new ref. */
    private static Map<String, String> renamePages(OpenAPI openAPI) {
        Map<String, String> refs = new HashMap<>();
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return refs;
        }
        Map<String, Schema> renamed = new LinkedHashMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            String itemsRef = name.startsWith("Page")
                            && schema.getProperties() != null
                            && schema.getProperties().get("items") != null
                            && schema.getProperties().get("items").getItems() != null
                    ? schema.getProperties().get("items").getItems().getRef()
                    : null;
            String target = itemsRef != null && itemsRef.startsWith(SCHEMAS)
                    ? "Page" + itemsRef.substring(SCHEMAS.length())
                    : name;
            renamed.put(target, schema);
            if (!target.equals(name)) {
                refs.put(SCHEMAS + name, SCHEMAS + target);
            }
        });
        if (renamed.size() != openAPI.getComponents().getSchemas().size()) {
            throw new IllegalStateException("Two pages would share a schema name: " + refs);
        }
        openAPI.getComponents().setSchemas(renamed);
        return refs;
    }

    private static void refer(Content content, Map<String, String> refs) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema != null && schema.getRef() != null && refs.containsKey(schema.getRef())) {
                schema.setRef(refs.get(schema.getRef()));
            }
        }
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent()
                .addMediaType(
                        "application/problem+json",
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("Problem")));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
