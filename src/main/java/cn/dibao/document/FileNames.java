package cn.dibao.document;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes an uploaded file name safe to store, show and send back in a Content-Disposition header:
 * no path, no control or direction-changing characters, none of {@code <>:"/\|?*}, at most
 * {@link #MAX_LENGTH} characters, and the extension of the type detected from the content
 * ("scan.html" holding a PNG becomes "scan.png").
 */
final class FileNames {

    static final int MAX_LENGTH = 150;
    private static final String FALLBACK = "document";
    private static final Pattern RESERVED = Pattern.compile("[<>:\"/\\\\|?*]");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,5}");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    private FileNames() {
    }

    static String sanitise(String original, DetectedType type) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                kept.append(' ');
            } else if (isVisible(cp)) {
                kept.appendCodePoint(cp);
            }
        });
        name = RESERVED.matcher(kept).replaceAll("_").replaceAll(" {2,}", " ");
        name = strip(name);

        String base = name;
        int dot = name.lastIndexOf('.');
        if (dot >= 0 && EXTENSION.matcher(name.substring(dot + 1)).matches()) {
            String ext = name.substring(dot + 1);
            base = name.substring(0, dot);
            if (type.hasExtension(ext)) {
                return assemble(base, ext.toLowerCase(Locale.ROOT));
            }
        }
        return assemble(base, type.extension());
    }

    private static String assemble(String base, String ext) {
        String b = strip(base);
        if (b.isEmpty() || WINDOWS_DEVICE.matcher(b).matches()) {
            b = b.isEmpty() ? FALLBACK : "_" + b;
        }
        int room = MAX_LENGTH - ext.length() - 1;
        if (b.codePointCount(0, b.length()) > room) {
            b = strip(b.substring(0, b.offsetByCodePoints(0, room)));
        }
        return b + "." + ext;
    }

    /** Letters, digits, punctuation and symbols; not controls, format characters (U+202E…) or unassigned code points. */
    private static boolean isVisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Without leading and trailing spaces and dots (".htaccess", "name. "). */
    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '.')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(start, end);
    }
}
