package org.vigie.camera.rest;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.vigie.camera.attribute.CameraValues;

import java.util.ArrayList;
import java.util.List;

/**
 * Types and describes, in the OpenAPI document, each query parameter that filters on an
 * enumerated camera property ({@code kind=camera,alpr}): an array of the enum's values, written
 * comma-separated (style form, not exploded), taken from {@link CameraValues} so that the values
 * are listed nowhere else. Unknown values are refused with a 400 (CameraQueryParams).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class CameraValuesInOpenApi implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY) {
            return parameter;
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
