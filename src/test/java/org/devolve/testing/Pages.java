package org.devolve.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Walks a cursor-paged list of the API to its end, the way a client does. */
public final class Pages {

    private Pages() {}

    /**
     * Every page of {@code path}, in order: each asked with a fresh {@code request} (its filters and limit), plus
     * the {@code next} cursor of the page before.
     */
    public static List<JsonPath> of(Supplier<RequestSpecification> request, String path) {
        List<JsonPath> pages = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification page = request.get();
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            JsonPath body = page.get(path).then().statusCode(200).extract().jsonPath();
            pages.add(body);
            cursor = body.getString("next");
        } while (cursor != null);
        return pages;
    }

    /** The values of {@code field} (e.g. {@code items.id}) over all {@code pages}, in order. */
    public static <T> List<T> all(List<JsonPath> pages, String field) {
        List<T> values = new ArrayList<>();
        pages.forEach(p -> values.addAll(p.getList(field)));
        return values;
    }
}
