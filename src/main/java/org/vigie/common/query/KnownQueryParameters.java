package org.vigie.common.query;

import jakarta.ws.rs.NameBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: a query parameter it does not declare ({@code @QueryParam}, directly or in
 * a {@code @BeanParam}) is refused with a 400 naming it, instead of being silently ignored, so that
 * a misspelt filter ({@code zones=workplace}) never answers every camera as if it had filtered.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface KnownQueryParameters {
}
