package org.marginsentinel.adapter.api;

import java.util.List;

/** A request that failed validation; carries every problem found. */
class InvalidRequest extends RuntimeException {

    private final List<ApiProblem.FieldProblem> problems;

    InvalidRequest(List<ApiProblem.FieldProblem> problems) {
        super("invalid request", null, false, false);
        this.problems = List.copyOf(problems);
    }

    InvalidRequest(String field, String message) {
        this(List.of(new ApiProblem.FieldProblem(field, message)));
    }

    List<ApiProblem.FieldProblem> problems() {
        return problems;
    }
}
