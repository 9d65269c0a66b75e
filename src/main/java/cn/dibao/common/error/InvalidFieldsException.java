package cn.dibao.common.error;

import org.springframework.validation.BindingResult;

/**
 * Several fields of a request refused at once, each with its message code (or an already resolved
 * message): a body an API controller checks field by field. The API answers a 400 problem that
 * lists them all, as it does for Bean Validation of a body.
 */
public class InvalidFieldsException extends RuntimeException {

    private final transient BindingResult errors;

    public InvalidFieldsException(BindingResult errors) {
        super(errors.getErrorCount() + " invalid fields of " + errors.getObjectName());
        this.errors = errors;
    }

    public BindingResult errors() {
        return errors;
    }
}
