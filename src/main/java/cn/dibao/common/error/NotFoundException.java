package cn.dibao.common.error;

/**
 * A record that does not exist, or exists outside the user's area scope: both answer 404,
 * so a URL never tells whether a record exists elsewhere.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
