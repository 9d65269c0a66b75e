package cn.dibao.common.error;


/**
 * A rule about who may act refused the user (role, area level, four-eyes). Pages show it as a
 * form error; the API answers 403 with the message.
 */
public class ForbiddenActionException extends DomainException {

    public ForbiddenActionException(String messageKey, Object... args) {
        super(null, messageKey, args);
    }
}
