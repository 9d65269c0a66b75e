package cn.dibao.common.error;

/**
 * An uploaded file was refused (empty, too large, not an accepted type). A {@link DomainException}
 * so page forms show it on the file field; the API answers it as a 400 problem, like the upload
 * size limit of the multipart parser.
 */
public class InvalidUploadException extends DomainException {

    public InvalidUploadException(String field, String messageKey, Object... args) {
        super(field, messageKey, args);
    }
}
