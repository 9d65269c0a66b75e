package cn.dibao.common.error;

import java.util.Arrays;

/**
 * A rule of the domain refused an input. It names the form field it concerns (or none) and a
 * message key, so pages show it next to the field and the API lists it in the problem's errors.
 */
public class DomainException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public DomainException(String field, String messageKey, Object... args) {
        super(messageKey + (field == null ? "" : " (" + field + ")"));
        this.field = field;
        this.messageKey = messageKey;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public static DomainException global(String messageKey, Object... args) {
        return new DomainException(null, messageKey, args);
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /**
     * Puts the error on a page form's binding result: on its field when the form has one by that
     * name, otherwise as an error of the whole form (never an exception while rendering an error).
     */
    public void rejectOn(org.springframework.validation.Errors errors) {
        if (field != null) {
            try {
                errors.rejectValue(field, messageKey, args, messageKey);
                return;
            } catch (org.springframework.beans.NotReadablePropertyException | IllegalArgumentException e) {
                // the form has no such field: fall through to a form-level error
            }
        }
        errors.reject(messageKey, args, messageKey);
    }
}
