package org.vigie.common.query;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.vigie.common.problem.FieldError;
import org.vigie.common.problem.ProblemException;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** Refuses the query parameters a {@link KnownQueryParameters} method does not declare. */
@Provider
@KnownQueryParameters
public class KnownQueryParametersFilter implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Set<String> known = DECLARED.computeIfAbsent(resource.getResourceMethod(), KnownQueryParametersFilter::declared);
        List<FieldError> errors = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet()).stream()
                .filter(name -> !known.contains(name))
                .map(name -> new FieldError(name, "unknown query parameter: known ones are " + String.join(", ", known)))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam inBean = field.getAnnotation(QueryParam.class);
                        if (inBean != null) {
                            names.add(inBean.value());
                        }
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableSet(names);
    }
}
