package io.gatehouse.admin.rest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

import io.gatehouse.importer.InvalidDocumentException;

/** The REST API's failures as RFC 9457 problems: bad input 400, a refused document 422, a conflicting state 409. */
@RestControllerAdvice(assignableTypes = AdminApiController.class)
class AdminApiErrors {

    @ExceptionHandler(InvalidDocumentException.class)
    ProblemDetail invalidDocument(InvalidDocumentException refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
        problem.setTitle("The document cannot be imported");
        problem.setProperty("problems", refused.problems());
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
    }

    @ExceptionHandler({IllegalStateException.class, ObjectOptimisticLockingFailureException.class})
    ProblemDetail conflict(RuntimeException refused) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused instanceof IllegalStateException
                ? refused.getMessage() : "Someone else changed this at the same moment; read it again.");
    }

    @ExceptionHandler(ResponseStatusException.class)
    ProblemDetail status(ResponseStatusException refused) {
        return ProblemDetail.forStatusAndDetail(refused.getStatusCode(), refused.getReason());
    }
}
