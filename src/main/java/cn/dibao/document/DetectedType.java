package cn.dibao.document;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file types a stored document may have, recognised by their first bytes (magic numbers).
 * Neither the file name nor the client's Content-Type header is ever trusted: a file is what
 * its content says it is, and is served with that type only.
 */
enum DetectedType {

    PDF("application/pdf", List.of("pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", List.of("png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    private final String mediaType;
    private final List<String> extensions;
    private final byte[] magic;

    DetectedType(String mediaType, List<String> extensions, byte[] magic) {
        this.mediaType = mediaType;
        this.extensions = extensions;
        this.magic = magic;
    }

    static Optional<DetectedType> of(byte[] content) {
        return Arrays.stream(values()).filter(t -> t.matches(content)).findFirst();
    }

    private boolean matches(byte[] content) {
        return content.length >= magic.length
                && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    String mediaType() {
        return mediaType;
    }

    /** The usual extension, without the dot. */
    String extension() {
        return extensions.get(0);
    }

    boolean hasExtension(String ext) {
        return extensions.contains(ext.toLowerCase(Locale.ROOT));
    }
}
