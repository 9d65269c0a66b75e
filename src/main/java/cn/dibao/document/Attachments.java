package cn.dibao.document;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * Response headers for a file the browser must save, never render: stored documents and
 * generated PDFs. Content-Disposition {@code attachment} with an ASCII {@code filename} and the
 * real name as RFC 5987 {@code filename*}, the given type with {@code nosniff}, a sandboxing
 * Content-Security-Policy and no caching (the files hold personal data).
 */
public final class Attachments {

    private Attachments() {
    }

    /** A 200 response that downloads {@code body} as {@code fileName}. */
    public static ResponseEntity<byte[]> response(String fileName, MediaType type, byte[] body) {
        return ResponseEntity.ok().headers(headers(fileName, type, body.length)).body(body);
    }

    public static HttpHeaders headers(String fileName, MediaType type, long length) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(type);
        h.setContentLength(length);
        h.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName));
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Content-Security-Policy", "default-src 'none'; sandbox");
        h.setCacheControl(CacheControl.noStore().cachePrivate());
        h.setPragma("no-cache");
        return h;
    }

    /**
     * {@code attachment; filename="…"; filename*=UTF-8''…}: browsers use {@code filename*}
     * (RFC 6266, RFC 5987); the plain {@code filename} is an ASCII stand-in for old clients.
     */
    public static String contentDisposition(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "download" : fileName;
        return "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    private static String asciiFallback(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        boolean plain = name.chars().allMatch(c -> c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%');
        if (plain) {
            return name;
        }
        boolean plainExt = ext.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 0x7F || c == '.');
        return "download" + (plainExt ? ext : "");
    }

    /** RFC 5987 value-chars: attr-char as is, every other UTF-8 byte percent-encoded. */
    private static String rfc5987(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
