package cn.dibao.payout;

/**
 * A problem in a return file, for the finance officer: {@code lineNo} is the line (the header is line
 * 1; in an XLSX file the row number), 0 for the whole file; {@code message} is zh-CN and already names
 * the line, the field and the bad value.
 */
public record ReturnFileError(int lineNo, String message) {
}
