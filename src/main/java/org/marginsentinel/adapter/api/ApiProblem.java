package org.marginsentinel.adapter.api;

import java.util.List;

/** The body of every 400 answer: what was wrong, field by field. */
public record ApiProblem(String error, List<FieldProblem> problems) {

    public record FieldProblem(String field, String message) {
    }
}
