package org.vigie.camera.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.vigie.camera.CameraDraft;
import org.vigie.camera.attribute.CameraValues;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Types and describes, in the OpenAPI document, each query parameter that filters on an
 * enumerated camera property ({@code kind=camera,alpr}): an array of the enum's values, written
 * comma-separated (style form, not exploded), taken from {@link CameraValues} so that the values
 * are listed nowhere else. Unknown values are refused with a 400 (CameraQueryParams). The search's
 * {@code view} takes its values from {@link SearchView} the same way; {@code level} and {@code site}
 * are comma-separated lists too (annotations cannot type a list's items).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CameraValuesInOpenApi implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY) {
            return parameter;
        }
        if ("level".equals(parameter.getName()) || "site".equals(parameter.getName())) {
            // lists written comma-separated, like the enumerated filters: floors as typed, site ids
            parameter.setStyle(Parameter.Style.FORM);
            parameter.setExplode(false);
            Schema item = "site".equals(parameter.getName())
                    ? OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64").minimum(java.math.BigDecimal.ONE)
                    : OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(CameraDraft.MAX_LEVEL);
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(item));
        }
        if ("view".equals(parameter.getName())) {
            // the search's answer form, listed by its enum
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).defaultValue(SearchView.FULL.wire())
                    .enumeration(new ArrayList<>(Arrays.stream(SearchView.values()).map(SearchView::wire).toList())));
        }
        for (CameraValues.Enumeration e : CameraValues.ALL) {
            if (e.property().equals(parameter.getName())) {
                List<Object> values = new ArrayList<>(e.values());
                parameter.setDescription("Cameras whose " + e.property() + " is one of the values given, comma-separated: "
                        + String.join(", ", e.values()) + ". Another value is refused (400).");
                parameter.setStyle(Parameter.Style.FORM);
                parameter.setExplode(false);
                parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(values)));
            }
        }
        return parameter;
    }
}
