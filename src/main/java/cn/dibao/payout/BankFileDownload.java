package cn.dibao.payout;

import cn.dibao.document.Attachments;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The response body of a bank file download whose headers are set only when the first byte is
 * written: the service refuses (state, role, scope) before it writes anything, so a refusal can
 * still become a redirect or a problem document instead of a downloaded error page.
 */
public final class BankFileDownload extends OutputStream {

    private final HttpServletResponse response;
    private final String contentType;
    private final String fileName;
    private OutputStream out;

    public BankFileDownload(HttpServletResponse response, String contentType, String fileName) {
        this.response = response;
        this.contentType = contentType;
        this.fileName = fileName;
    }

    /** Whether anything was sent (after that an error can no longer change the answer). */
    public boolean started() {
        return out != null;
    }

    private OutputStream out() throws IOException {
        if (out == null) {
            response.setContentType(contentType);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Attachments.contentDisposition(fileName));
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, private");
            response.setHeader(HttpHeaders.PRAGMA, "no-cache");
            out = response.getOutputStream();
        }
        return out;
    }

    @Override
    public void write(int b) throws IOException {
        out().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    /** The file is complete: headers go out even for an empty file, and the body is flushed. */
    public void finish() throws IOException {
        out().flush();
    }

    /** csv or xlsx (any case), null for anything else. */
    public static String extension(String format) {
        if (format == null) {
            return null;
        }
        String f = format.strip().toLowerCase(java.util.Locale.ROOT);
        return f.equals("csv") || f.equals("xlsx") ? f : null;
    }

    public static String contentType(String extension) {
        return extension.equals("xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                : "text/csv;charset=UTF-8";
    }

    /** {@code bank-370211-2026-07.csv}: the county's 6-digit code and the run's month. */
    public static String fileName(String countyCode, java.time.YearMonth month, String extension) {
        return "bank-" + countyCode.substring(0, 6) + "-" + month + "." + extension;
    }
}
