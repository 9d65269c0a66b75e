package cn.dibao.payout;

import java.util.List;

/**
 * What {@link ReturnFileParser} read: how the file was decoded ({@code "UTF-8"}, {@code "GBK"} or
 * {@code "XLSX"}; null when that could not be told), the lines that passed, and every problem found.
 * A file with any error is to be refused whole, so act on {@code lines} only when {@link #ok()}.
 */
public record ParsedReturnFile(String encoding, List<ReturnLine> lines, List<ReturnFileError> errors) {

    public ParsedReturnFile {
        lines = List.copyOf(lines);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
