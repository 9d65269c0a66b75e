package cn.dibao.payout;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The return file's syntax: every rule on good and bad lines, encodings, CSV quoting, XLSX cells, garbage. */
class ReturnFileParserTest {

    static final String HEADER = "参考号,账号,金额,结果,失败原因";
    static final String ACCOUNT = "6222020200112233445";
    static final Charset GBK = Charset.forName("GBK");

    private static ParsedReturnFile parse(String text) {
        return ReturnFileParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The header and the lines, CRLF-separated, in UTF-8. */
    private static ParsedReturnFile csv(String... lines) {
        return parse(HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n");
    }

    private static List<String> messages(ParsedReturnFile f) {
        return f.errors().stream().map(ReturnFileError::message).toList();
    }

    private static ReturnFileError error(int line, String message) {
        return new ReturnFileError(line, message);
    }

    // ---- good lines ---------------------------------------------------------------------------------

    static Stream<Arguments> goodLines() {
        String r200 = "原".repeat(200);
        return Stream.of(
                arguments("P12-34567,6222020200112233445,500.00,成功,",
                        new ReturnLine(2, "P12-34567", 12, 34567, ACCOUNT, new BigDecimal("500.00"), ReturnStatus.PAID, null)),
                arguments("P12-34568,6222020200112233445,500,成功,",
                        new ReturnLine(2, "P12-34568", 12, 34568, ACCOUNT, new BigDecimal("500.00"), ReturnStatus.PAID, null)),
                arguments("P1-1,ABc123,0.01,失败,账户已销户",
                        new ReturnLine(2, "P1-1", 1, 1, "ABc123", new BigDecimal("0.01"), ReturnStatus.FAILED, "账户已销户")),
                arguments("  P12-7 , 622202 ,  12.5 , 退回 , 户名不符  ",
                        new ReturnLine(2, "P12-7", 12, 7, "622202", new BigDecimal("12.50"), ReturnStatus.RETURNED, "户名不符")),
                arguments("P123456789012345678-876543210987654321,A2345678901234567890123456789012,9999999999.99,成功,",
                        new ReturnLine(2, "P123456789012345678-876543210987654321", 123456789012345678L, 876543210987654321L,
                                "A2345678901234567890123456789012", new BigDecimal("9999999999.99"), ReturnStatus.PAID, null)),
                arguments("P5-6,6222020200112233445,00500.10,SUCCESS,",
                        new ReturnLine(2, "P5-6", 5, 6, ACCOUNT, new BigDecimal("500.10"), ReturnStatus.PAID, null)),
                arguments("P5-6,6222020200112233445,1,paid,",
                        new ReturnLine(2, "P5-6", 5, 6, ACCOUNT, new BigDecimal("1.00"), ReturnStatus.PAID, null)),
                arguments("P5-6,6222020200112233445,1,Failed,no such account",
                        new ReturnLine(2, "P5-6", 5, 6, ACCOUNT, new BigDecimal("1.00"), ReturnStatus.FAILED, "no such account")),
                arguments("P5-6,6222020200112233445,1,fail,冻结",
                        new ReturnLine(2, "P5-6", 5, 6, ACCOUNT, new BigDecimal("1.00"), ReturnStatus.FAILED, "冻结")),
                arguments("P5-6,6222020200112233445,1,RETURNED,退票",
                        new ReturnLine(2, "P5-6", 5, 6, ACCOUNT, new BigDecimal("1.00"), ReturnStatus.RETURNED, "退票")),
                arguments("\"P12-9\",\"6222020200112233445\",\"320.00\",\"失败\",\"账户冻结, 请联系开户行\"",
                        new ReturnLine(2, "P12-9", 12, 9, ACCOUNT, new BigDecimal("320.00"), ReturnStatus.FAILED, "账户冻结, 请联系开户行")),
                arguments("P12-10,6222020200112233445,320.00,失败,\"户名“张三”与\"\"账户\"\"不符\"",
                        new ReturnLine(2, "P12-10", 12, 10, ACCOUNT, new BigDecimal("320.00"), ReturnStatus.FAILED, "户名“张三”与\"账户\"不符")),
                arguments("P12-11,6222020200112233445,320.00,退回, \"" + r200 + "\" ",
                        new ReturnLine(2, "P12-11", 12, 11, ACCOUNT, new BigDecimal("320.00"), ReturnStatus.RETURNED, r200)),
                arguments("P12-13,6222020200112233445,320.00,失败,账户\"冻结\"",
                        new ReturnLine(2, "P12-13", 12, 13, ACCOUNT, new BigDecimal("320.00"), ReturnStatus.FAILED, "账户\"冻结\"")),
                arguments("P12-12,6222020200112233445,320.00,成功,\"\"",
                        new ReturnLine(2, "P12-12", 12, 12, ACCOUNT, new BigDecimal("320.00"), ReturnStatus.PAID, null)));
    }

    @ParameterizedTest
    @MethodSource("goodLines")
    void goodLinesAreRead(String line, ReturnLine expected) {
        ParsedReturnFile f = csv(line);
        assertThat(f.errors()).isEmpty();
        assertThat(f.ok()).isTrue();
        assertThat(f.encoding()).isEqualTo("UTF-8");
        assertThat(f.lines()).containsExactly(expected);
        assertThat(f.lines().get(0).amount().scale()).isEqualTo(2);
    }

    // ---- bad lines ----------------------------------------------------------------------------------

    static Stream<Arguments> badLines() {
        String a = "," + ACCOUNT + ",";
        return Stream.of(
                // 参考号
                arguments(",6222020200112233445,500.00,成功,", List.of("第 2 行：参考号为空")),
                arguments("X12-1" + a + "500.00,成功,", List.of("第 2 行：参考号“X12-1”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                arguments("p12-1" + a + "500.00,成功,", List.of("第 2 行：参考号“p12-1”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                arguments("P12-" + a + "500.00,成功,", List.of("第 2 行：参考号“P12-”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                arguments("P-1" + a + "500.00,成功,", List.of("第 2 行：参考号“P-1”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                arguments("P12_1" + a + "500.00,成功,", List.of("第 2 行：参考号“P12_1”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                arguments("P012-1" + a + "500.00,成功,", List.of("第 2 行：参考号“P012-1”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                arguments("P12-0" + a + "500.00,成功,", List.of("第 2 行：参考号“P12-0”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                arguments("P12-1x" + a + "500.00,成功,", List.of("第 2 行：参考号“P12-1x”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                arguments("P1234567890123456789-1" + a + "500.00,成功,",
                        List.of("第 2 行：参考号“P1234567890123456789-1”格式不对（应为 P<批次号>-<编号>，如 P12-34567）")),
                // 账号
                arguments("P1-1,,500.00,成功,", List.of("第 2 行：账号为空")),
                arguments("P1-1,12345,500.00,成功,", List.of("第 2 行：账号“12345”不对（应为 6 到 32 位数字或字母）")),
                arguments("P1-1," + "1".repeat(33) + ",500.00,成功,",
                        List.of("第 2 行：账号“" + "1".repeat(33) + "”不对（应为 6 到 32 位数字或字母）")),
                arguments("P1-1,6222 0202 0011,500.00,成功,", List.of("第 2 行：账号“6222 0202 0011”不对（应为 6 到 32 位数字或字母）")),
                arguments("P1-1,6222-020200,500.00,成功,", List.of("第 2 行：账号“6222-020200”不对（应为 6 到 32 位数字或字母）")),
                arguments("P1-1,账号6222020200,500.00,成功,", List.of("第 2 行：账号“账号6222020200”不对（应为 6 到 32 位数字或字母）")),
                // 金额
                arguments("P1-1" + a + ",成功,", List.of("第 2 行：金额为空")),
                arguments("P1-1" + a + "12.345,成功,", List.of("第 2 行：金额“12.345”不是有效金额（最多两位小数）")),
                arguments("P1-1" + a + "500.000,成功,", List.of("第 2 行：金额“500.000”不是有效金额（最多两位小数）")),
                arguments("P1-1" + a + "0,成功,", List.of("第 2 行：金额“0”不是有效金额（必须大于 0）")),
                arguments("P1-1" + a + "0.00,成功,", List.of("第 2 行：金额“0.00”不是有效金额（必须大于 0）")),
                arguments("P1-1" + a + "-5.00,成功,", List.of("第 2 行：金额“-5.00”不是有效金额（必须大于 0）")),
                arguments("P1-1" + a + "\"1,000.00\",成功,", List.of("第 2 行：金额“1,000.00”不是有效金额（不能有千位分隔符）")),
                arguments("P1-1" + a + "1，000,成功,", List.of("第 2 行：金额“1，000”不是有效金额（不能有千位分隔符）")),
                arguments("P1-1" + a + "abc,成功,", List.of("第 2 行：金额“abc”不是有效金额（应为数字，最多两位小数，如 500.00）")),
                arguments("P1-1" + a + "¥500,成功,", List.of("第 2 行：金额“¥500”不是有效金额（应为数字，最多两位小数，如 500.00）")),
                arguments("P1-1" + a + "+500,成功,", List.of("第 2 行：金额“+500”不是有效金额（应为数字，最多两位小数，如 500.00）")),
                arguments("P1-1" + a + "500.,成功,", List.of("第 2 行：金额“500.”不是有效金额（应为数字，最多两位小数，如 500.00）")),
                arguments("P1-1" + a + ".5,成功,", List.of("第 2 行：金额“.5”不是有效金额（应为数字，最多两位小数，如 500.00）")),
                arguments("P1-1" + a + "1e3,成功,", List.of("第 2 行：金额“1e3”不是有效金额（应为数字，最多两位小数，如 500.00）")),
                arguments("P1-1" + a + "５００,成功,", List.of("第 2 行：金额“５００”不是有效金额（应为数字，最多两位小数，如 500.00）")),
                arguments("P1-1" + a + "10000000000,成功,", List.of("第 2 行：金额“10000000000”不是有效金额（过大，应小于 10000000000）")),
                // 结果
                arguments("P1-1" + a + "500.00,,", List.of("第 2 行：结果为空（应为 成功、失败 或 退回）")),
                arguments("P1-1" + a + "500.00,OK,", List.of("第 2 行：结果“OK”不对（应为 成功、失败 或 退回）")),
                arguments("P1-1" + a + "500.00,成 功,", List.of("第 2 行：结果“成 功”不对（应为 成功、失败 或 退回）")),
                arguments("P1-1" + a + "500.00,successful,", List.of("第 2 行：结果“successful”不对（应为 成功、失败 或 退回）")),
                // 失败原因
                arguments("P1-1" + a + "500.00,成功,已入账", List.of("第 2 行：结果为“成功”时失败原因应为空，实际为“已入账”")),
                arguments("P1-1" + a + "500.00,SUCCESS,done", List.of("第 2 行：结果为“SUCCESS”时失败原因应为空，实际为“done”")),
                arguments("P1-1" + a + "500.00,失败,", List.of("第 2 行：结果为“失败”时失败原因不能为空")),
                arguments("P1-1" + a + "500.00,退回,  ", List.of("第 2 行：结果为“退回”时失败原因不能为空")),
                arguments("P1-1" + a + "500.00,RETURNED,", List.of("第 2 行：结果为“RETURNED”时失败原因不能为空")),
                arguments("P1-1" + a + "500.00,失败," + "长".repeat(201), List.of("第 2 行：失败原因过长（201 个字，最多 200 个）")),
                arguments("P1-1" + a + "500.00,未知," + "长".repeat(201), List.of("第 2 行：结果“未知”不对（应为 成功、失败 或 退回）",
                        "第 2 行：失败原因过长（201 个字，最多 200 个）")),
                // 列数
                arguments("P1-1" + a + "500.00,成功", List.of("第 2 行：应有 5 列，实际有 4 列")),
                arguments("P1-1" + a + "500.00,成功,,", List.of("第 2 行：应有 5 列，实际有 6 列")),
                arguments("P1-1" + a + "1,000.00,成功,", List.of("第 2 行：应有 5 列，实际有 6 列")),
                arguments("P1-1\t" + ACCOUNT + "\t500.00\t成功\t", List.of("第 2 行：应有 5 列，实际有 1 列（列之间应以英文逗号分隔，不是制表符）")),
                arguments("P1-1；" + ACCOUNT, List.of("第 2 行：应有 5 列，实际有 1 列")),
                arguments("P1-1;" + ACCOUNT + ";500.00;成功;", List.of("第 2 行：应有 5 列，实际有 1 列（列之间应以英文逗号分隔，不是分号）")),
                arguments("P1-1，" + ACCOUNT + "，500.00，成功，", List.of("第 2 行：应有 5 列，实际有 1 列（列之间应以英文逗号分隔，不是中文逗号）")),
                // every field wrong: every problem of the line
                arguments("X,1,abc,?,", List.of("第 2 行：参考号“X”格式不对（应为 P<批次号>-<编号>，如 P12-34567）",
                        "第 2 行：账号“1”不对（应为 6 到 32 位数字或字母）",
                        "第 2 行：金额“abc”不是有效金额（应为数字，最多两位小数，如 500.00）",
                        "第 2 行：结果“?”不对（应为 成功、失败 或 退回）")),
                // a long bad value is cut in the message
                arguments("P1-1," + "中".repeat(50) + ",500.00,成功,", List.of("第 2 行：账号“" + "中".repeat(40) + "…”不对（应为 6 到 32 位数字或字母）")));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void badLinesAreReportedWithLineFieldAndValue(String line, List<String> expected) {
        ParsedReturnFile f = csv(line, "P9-2,6222020200112233445,2.00,成功,");
        assertThat(messages(f)).containsExactlyElementsOf(expected);
        assertThat(f.errors()).allSatisfy(e -> assertThat(e.lineNo()).isEqualTo(2));
        assertThat(f.ok()).isFalse();
        // the bad line is not among the lines; the good line after it is
        assertThat(f.lines()).extracting(ReturnLine::lineNo).containsExactly(3);
    }

    /** The message format of the brief, line numbers counted from the header (line 1). */
    @Test
    void theFifthLineIsLineFive() {
        ParsedReturnFile f = csv("P1-1,6222020200112233445,1.00,成功,", "P1-2,6222020200112233445,1.00,成功,",
                "P1-3,6222020200112233445,1.00,成功,", "P1-4,6222020200112233445,12.345,成功,");
        assertThat(f.errors()).containsExactly(error(5, "第 5 行：金额“12.345”不是有效金额（最多两位小数）"));
        assertThat(f.lines()).hasSize(3);
    }

    @Test
    void allBadLinesAreReportedNotOnlyTheFirst() {
        ParsedReturnFile f = csv("P1-1,6222020200112233445,1.001,成功,", "P1-2,6222020200112233445,1.00,成功,",
                "P1-3,62,1.00,成功,", "P1-4,6222020200112233445,1.00,失败,");
        assertThat(f.errors()).extracting(ReturnFileError::lineNo).containsExactly(2, 4, 5);
        assertThat(f.lines()).extracting(ReturnLine::reference).containsExactly("P1-2");
    }

    @Test
    void aDuplicateReferenceNamesTheFirstLine() {
        ParsedReturnFile f = csv("P1-1,6222020200112233445,1.00,成功,", "P1-2,6222020200112233445,1.00,成功,",
                "P1-1,6222020200112233445,1.00,成功,", "P1-1,6222020200112233446,2.00,失败,冻结",
                "P2-1,6222020200112233445,1.00,成功,");
        assertThat(f.errors()).containsExactly(error(4, "第 4 行：参考号“P1-1”与第 2 行重复"),
                error(5, "第 5 行：参考号“P1-1”与第 2 行重复"));
        assertThat(f.lines()).extracting(ReturnLine::lineNo).containsExactly(2, 3, 6);
    }

    @Test
    void aDuplicateIsFoundEvenWhenTheFirstLineHasOtherErrors() {
        ParsedReturnFile f = csv("P1-1,6222020200112233445,abc,成功,", "P1-1,6222020200112233445,1.00,成功,");
        assertThat(messages(f)).containsExactly("第 2 行：金额“abc”不是有效金额（应为数字，最多两位小数，如 500.00）",
                "第 3 行：参考号“P1-1”与第 2 行重复");
    }

    // ---- header and file ----------------------------------------------------------------------------

    @Test
    void anEmptyFileIsAFileError() {
        ParsedReturnFile f = ReturnFileParser.parse(new byte[0]);
        assertThat(f.errors()).containsExactly(error(0, "文件为空"));
        assertThat(f.encoding()).isNull();
        assertThat(f.lines()).isEmpty();
        assertThat(parse("\r\n\r\n  \n").errors()).containsExactly(error(0, "文件为空"));
        assertThat(ReturnFileParser.parse(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}).errors())
                .containsExactly(error(0, "文件为空"));
    }

    @ParameterizedTest
    @ValueSource(strings = {HEADER, HEADER + "\r\n", HEADER + "\n\n\n", HEADER + "\r\n,,,,\r\n"})
    void aHeaderWithoutLinesIsAFileError(String text) {
        assertThat(parse(text).errors()).containsExactly(error(0, "文件只有表头，没有数据行"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"参考号,账号,金额,结果,失败原因", " 参考号 , 账号,金额 ,结果,　失败原因 ", "reference,account,amount,result,reason",
            "Reference, ACCOUNT ,Amount,RESULT,Reason", "参考号,account,金额,result,失败原因"})
    void acceptedHeaders(String header) {
        ParsedReturnFile f = parse(header + "\nP1-1,6222020200112233445,1.00,成功,\n");
        assertThat(f.errors()).isEmpty();
        assertThat(f.lines()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"参考号,账号,金额,状态,原因", "账号,参考号,金额,结果,失败原因", "参考号,账号,金额,结果", "参考号,账号,金额,结果,失败原因,备注",
            "流水号,参考号,账号,金额,结果,失败原因", "参考号\t账号\t金额\t结果\t失败原因"})
    void aWrongHeaderIsReportedAndNothingElse(String header) {
        ParsedReturnFile f = parse(header + "\nP1-1,6222020200112233445,1.00,成功,\nP1-2,6222020200112233445,1.00,成功,a,b\n");
        assertThat(f.errors()).hasSize(1);
        assertThat(f.errors().get(0).lineNo()).isEqualTo(1);
        assertThat(f.errors().get(0).message()).startsWith("第 1 行：表头应为“参考号,账号,金额,结果,失败原因”"
                + "（或 reference,account,amount,result,reason），实际为“");
        assertThat(f.lines()).isEmpty();
    }

    @Test
    void aMissingHeaderIsReportedAndTheLinesAreStillChecked() {
        ParsedReturnFile f = parse("P1-1,6222020200112233445,1.00,成功,\nP1-2,6222020200112233445,1.001,成功,\n");
        assertThat(f.errors()).containsExactly(
                error(1, "第 1 行：缺少表头，第一行应为“参考号,账号,金额,结果,失败原因”"),
                error(2, "第 2 行：金额“1.001”不是有效金额（最多两位小数）"));
        assertThat(f.lines()).extracting(ReturnLine::lineNo).containsExactly(1);
    }

    @Test
    void blankLinesAreAllowedOnlyAtTheEnd() {
        String ok = "P1-1,6222020200112233445,1.00,成功,";
        assertThat(parse(HEADER + "\n" + ok + "\n\n \n,,,,\n").errors()).isEmpty();
        ParsedReturnFile f = parse(HEADER + "\n" + ok + "\n\n" + ok.replace("P1-1", "P1-2") + "\n \n,,,,\n"
                + ok.replace("P1-1", "P1-3") + "\n\n");
        assertThat(f.errors()).containsExactly(error(3, "第 3 行是空行（空行只能在文件末尾）"),
                error(5, "第 5 至 6 行是空行（空行只能在文件末尾）"));
        assertThat(f.lines()).extracting(ReturnLine::lineNo).containsExactly(2, 4, 7);
        assertThat(parse("\n" + HEADER + "\n" + ok).errors()).containsExactly(error(1, "第 1 行是空行（空行只能在文件末尾）"));
    }

    @Test
    void lineEndsCrlfLfAndCrAllCountTheSame() {
        String[] lines = {HEADER, "P1-1,6222020200112233445,1.00,成功,", "P1-2,6222020200112233445,1.001,成功,",
                "P1-3,6222020200112233445,3.00,失败,冻结"};
        for (String end : List.of("\r\n", "\n", "\r")) {
            ParsedReturnFile f = parse(String.join(end, lines));
            assertThat(f.errors()).as("line end %s", end.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly(error(3, "第 3 行：金额“1.001”不是有效金额（最多两位小数）"));
            assertThat(f.lines()).extracting(ReturnLine::lineNo).containsExactly(2, 4);
            assertThat(f.lines().get(1).reason()).isEqualTo("冻结");
        }
    }

    @Test
    void aQuotedLineBreakIsPartOfTheFieldAndLinesAreCountedAsInAnEditor() {
        ParsedReturnFile f = csv("P1-1,6222020200112233445,1.00,失败,\"第一行\r\n第二行\"",
                "P1-2,6222020200112233445,1.00,失败,\"a\nb\"", "P1-3,6222020200112233445,x,成功,");
        assertThat(f.lines()).extracting(ReturnLine::reason).containsExactly("第一行\r\n第二行", "a\nb");
        assertThat(f.lines()).extracting(ReturnLine::lineNo).containsExactly(2, 4);
        assertThat(f.errors()).extracting(ReturnFileError::lineNo).containsExactly(6);
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItStarts() {
        ParsedReturnFile f = csv("P1-1,6222020200112233445,1.00,成功,", "P1-2,6222020200112233445,1.00,失败,\"冻结",
                "P1-3,6222020200112233445,1.00,成功,");
        assertThat(f.errors()).containsExactly(error(3, "第 3 行：第 5 列的引号没有闭合（从这一行起直到文件末尾都在引号内）"));
        assertThat(f.lines()).extracting(ReturnLine::lineNo).containsExactly(2);
    }

    @Test
    void textAfterAClosingQuoteIsReported() {
        ParsedReturnFile f = csv("P1-1,6222020200112233445,1.00,失败,\"冻结\"了", "P1-2,6222020200112233445,1.00,成功,");
        assertThat(f.errors()).containsExactly(error(2, "第 2 行：第 5 列的右引号后面还有其他字符（字段内的引号要写成两个引号）"));
        assertThat(f.lines()).extracting(ReturnLine::lineNo).containsExactly(3);
    }

    // ---- encodings ----------------------------------------------------------------------------------

    static final String CHINESE_FILE = HEADER + "\r\nP12-1,6222020200112233445,500.00,成功,\r\n"
            + "P12-2,6222020200112233446,320.50,失败,账户已销户\r\nP12-3,6222020200112233447,1.00,退回,户名与账号不符\r\n";

    @Test
    void gbkIsDetected() {
        ParsedReturnFile f = ReturnFileParser.parse(CHINESE_FILE.getBytes(GBK));
        assertThat(f.encoding()).isEqualTo("GBK");
        assertThat(f.errors()).isEmpty();
        assertThat(f.lines()).extracting(ReturnLine::status)
                .containsExactly(ReturnStatus.PAID, ReturnStatus.FAILED, ReturnStatus.RETURNED);
        assertThat(f.lines()).extracting(ReturnLine::reason).containsExactly(null, "账户已销户", "户名与账号不符");
    }

    @Test
    void gbkErrorsQuoteTheValueDecoded() {
        ParsedReturnFile f = ReturnFileParser.parse((HEADER + "\nP12-1,6222020200112233445,500.00,成功了,\n").getBytes(GBK));
        assertThat(f.encoding()).isEqualTo("GBK");
        assertThat(messages(f)).containsExactly("第 2 行：结果“成功了”不对（应为 成功、失败 或 退回）");
    }

    @Test
    void utf8WithAndWithoutBom() {
        ParsedReturnFile plain = ReturnFileParser.parse(CHINESE_FILE.getBytes(StandardCharsets.UTF_8));
        byte[] body = CHINESE_FILE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        ParsedReturnFile bom = ReturnFileParser.parse(withBom);
        for (ParsedReturnFile f : List.of(plain, bom)) {
            assertThat(f.encoding()).isEqualTo("UTF-8");
            assertThat(f.errors()).isEmpty();
            assertThat(f.lines()).hasSize(3);
            assertThat(f.lines().get(1).reason()).isEqualTo("账户已销户");
        }
        assertThat(bom.lines()).isEqualTo(plain.lines());
    }

    @Test
    void asciiIsUtf8() {
        ParsedReturnFile f = ReturnFileParser.parse("reference,account,amount,result,reason\nP1-1,622202,1.00,PAID,\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(f.encoding()).isEqualTo("UTF-8");
        assertThat(f.ok()).isTrue();
    }

    @Test
    void bytesThatAreNeitherUtf8NorGbkAreAFileError() {
        byte[] text = (HEADER + "\nP1-1,6222020200112233445,1.00,失败,").getBytes(StandardCharsets.UTF_8);
        byte[] bad = Arrays.copyOf(text, text.length + 2);
        bad[text.length] = (byte) 0xFF;
        bad[text.length + 1] = 'x';
        ParsedReturnFile f = ReturnFileParser.parse(bad);
        assertThat(f.encoding()).isNull();
        assertThat(f.errors()).containsExactly(error(0,
                "文件既不是有效的 UTF-8 文本，也不是有效的 GBK 文本，无法读取（请另存为 UTF-8 或 GBK 编码的 CSV）"));
        assertThat(f.lines()).isEmpty();
    }

    @Test
    void aBomFollowedByBadUtf8IsAFileError() {
        byte[] gbk = CHINESE_FILE.getBytes(GBK);
        byte[] bad = new byte[gbk.length + 3];
        bad[0] = (byte) 0xEF;
        bad[1] = (byte) 0xBB;
        bad[2] = (byte) 0xBF;
        System.arraycopy(gbk, 0, bad, 3, gbk.length);
        assertThat(ReturnFileParser.parse(bad).errors())
                .containsExactly(error(0, "文件以 UTF-8 的 BOM 开头，却含有无效的 UTF-8 字节，无法读取"));
    }

    // ---- garbage ------------------------------------------------------------------------------------

    @Test
    void aPngIsBinary() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        ParsedReturnFile f = ReturnFileParser.parse(png);
        assertThat(f.encoding()).isNull();
        assertThat(f.errors()).containsExactly(error(0, "文件含有二进制内容（第 7 个字节是 0x1A），不是 CSV 文本文件，也不是 XLSX 文件"));
        assertThat(f.lines()).isEmpty();
    }

    @Test
    void randomBytesAreAFileError() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] junk = new byte[64 + random.nextInt(4096)];
            random.nextBytes(junk);
            ParsedReturnFile f = ReturnFileParser.parse(junk);
            assertThat(f.errors()).as("random file %d", i).hasSize(1);
            assertThat(f.errors().get(0).lineNo()).isZero();
            assertThat(f.lines()).isEmpty();
        }
    }

    @Test
    void oldExcelAndUtf16AreNamed() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(messages(ReturnFileParser.parse(xls)))
                .containsExactly("这是旧版 Excel（.xls）文件或加密的 Excel 文件，请另存为不加密的 .xlsx 或 CSV 后再上传");
        byte[] utf16 = ("\uFEFF" + CHINESE_FILE).getBytes(StandardCharsets.UTF_16LE);
        assertThat(messages(ReturnFileParser.parse(utf16)))
                .containsExactly("文件是 UTF-16 编码（如 Excel 的“Unicode 文本”），请另存为 UTF-8 或 GBK 编码的 CSV");
    }

    @Test
    void aFileTooLargeIsRefusedUnread() {
        byte[] big = new byte[ReturnFileParser.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        assertThat(messages(ReturnFileParser.parse(big))).containsExactly("文件太大（约 129 MB），最大 128 MB");
    }

    // ---- the error cap ------------------------------------------------------------------------------

    @Test
    void atMostAThousandErrorsThenOneSayingHowManyMore() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 1500; i++) {
            lines.add("P1-" + i + ",6222020200112233445,1.001,成功," + (i > 1200 ? "多余" : ""));
        }
        ParsedReturnFile f = csv(lines.toArray(String[]::new));
        // 1,500 bad amounts and 300 reasons where none belongs: 1,800 errors
        assertThat(f.errors()).hasSize(ReturnFileParser.MAX_ERRORS + 1);
        assertThat(f.errors().subList(0, 1000)).extracting(ReturnFileError::lineNo)
                .containsExactlyElementsOf(IntStream.rangeClosed(2, 1001).boxed().toList());
        assertThat(f.errors().get(1000)).isEqualTo(error(0, "另有 800 个错误未列出（只列出前 1000 个）"));
        assertThat(f.lines()).isEmpty();
    }

    @Test
    void exactlyAThousandErrorsNeedNoNote() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            lines.add("P1-" + i + ",6222020200112233445,0,成功,");
        }
        ParsedReturnFile f = csv(lines.toArray(String[]::new));
        assertThat(f.errors()).hasSize(1000).allSatisfy(e -> assertThat(e.lineNo()).isPositive());
    }

    // ---- XLSX ---------------------------------------------------------------------------------------

    /** Builds a workbook in memory: each row's values are a String (text cell), a Number (numeric cell), a Boolean or null (no cell). */
    private static byte[] xlsx(Workbook wb, Object[]... rows) throws IOException {
        try (wb) {
            Sheet sheet = wb.createSheet("回盘");
            for (int r = 0; r < rows.length; r++) {
                if (rows[r] == null) {
                    continue;
                }
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Boolean b) {
                        cell.setCellValue(b);
                    } else {
                        cell.setCellValue((String) v);
                    }
                }
            }
            wb.createSheet("其他").createRow(0).createCell(0).setCellValue("ignored");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            if (wb instanceof SXSSFWorkbook s) {
                s.dispose();
            }
            return out.toByteArray();
        }
    }

    private static Object[] header() {
        return HEADER.split(",");
    }

    @Test
    void xlsxWithTextAndNumericCells() throws IOException {
        byte[] file = xlsx(new XSSFWorkbook(), header(),
                new Object[]{"P12-1", "6222020200112233445", 500, "成功"},                     // row 2: numeric 500, no reason cell
                new Object[]{"P12-2", "6222020200112233446", "320.50", "失败", "账户已销户"},  // row 3: text amount
                new Object[]{"P12-3", 622202123456L, 1234567.89, "退回", "户名不符"},          // row 4: numeric account, 12 digits
                new Object[]{"P12-4", "6222020200112233447", 0.01, "SUCCESS", ""},            // row 5
                new Object[]{" P12-5 ", " 6222020200112233448 ", " 7 ", " 成功 "});          // row 6: blanks around
        ParsedReturnFile f = ReturnFileParser.parse(file);
        assertThat(f.encoding()).isEqualTo("XLSX");
        assertThat(f.errors()).isEmpty();
        assertThat(f.lines()).containsExactly(
                new ReturnLine(2, "P12-1", 12, 1, "6222020200112233445", new BigDecimal("500.00"), ReturnStatus.PAID, null),
                new ReturnLine(3, "P12-2", 12, 2, "6222020200112233446", new BigDecimal("320.50"), ReturnStatus.FAILED, "账户已销户"),
                new ReturnLine(4, "P12-3", 12, 3, "622202123456", new BigDecimal("1234567.89"), ReturnStatus.RETURNED, "户名不符"),
                new ReturnLine(5, "P12-4", 12, 4, "6222020200112233447", new BigDecimal("0.01"), ReturnStatus.PAID, null),
                new ReturnLine(6, "P12-5", 12, 5, "6222020200112233448", new BigDecimal("7.00"), ReturnStatus.PAID, null));
    }

    @Test
    void xlsxErrorsUseRowNumbers() throws IOException {
        byte[] file = xlsx(new XSSFWorkbook(), header(),
                new Object[]{"P12-1", "6222020200112233445", 12.345, "成功"},                  // row 2
                new Object[]{"P12-2", 6222020200112233445.0, 1, "成功"},                       // row 3: 19 digits as a number
                null,                                                                           // row 4: missing
                new Object[]{"P12-3", "6222020200112233445", -3, "成功"},                      // row 5
                new Object[]{12.0, "6222020200112233445", 3, true},                             // row 6
                new Object[]{"P12-1", "6222020200112233445", 3, "成功", null, "多余"},         // row 7
                new Object[]{"P12-1", "6222020200112233445", "3", "失败", null},                // row 8
                new Object[]{null, null, null, null, null},                                     // row 9: trailing, empty
                null);
        ParsedReturnFile f = ReturnFileParser.parse(file);
        assertThat(f.encoding()).isEqualTo("XLSX");
        assertThat(messages(f)).containsExactly(
                "第 2 行：金额“12.345”不是有效金额（最多两位小数）",
                "第 3 行：账号“6222020200112230000”是数字格式的单元格，超过 15 位的数字在 Excel 里已丢失末尾几位，请把账号列设为文本格式后重新导出",
                "第 4 行是空行（空行只能在文件末尾）",
                "第 5 行：金额“-3”不是有效金额（必须大于 0）",
                "第 6 行：参考号“12”格式不对（应为 P<批次号>-<编号>，如 P12-34567）",
                "第 6 行：结果“TRUE”不对（应为 成功、失败 或 退回）",
                "第 7 行：应有 5 列，实际有 6 列",
                "第 8 行：参考号“P12-1”与第 2 行重复",
                "第 8 行：结果为“失败”时失败原因不能为空");
        assertThat(f.errors()).extracting(ReturnFileError::lineNo).containsExactly(2, 3, 4, 5, 6, 6, 7, 8, 8);
    }

    /** SXSSF (and other streaming writers) use inline strings, not the shared strings table. */
    @Test
    void xlsxWithInlineStrings() throws IOException {
        byte[] file = xlsx(new SXSSFWorkbook(), header(),
                new Object[]{"P7-1", "6222020200112233445", "500.00", "成功"},
                new Object[]{"P7-2", "6222020200112233446", 320.5, "退回", "退票"});
        ParsedReturnFile f = ReturnFileParser.parse(file);
        assertThat(f.errors()).isEmpty();
        assertThat(f.lines()).extracting(ReturnLine::reference, ReturnLine::amount, ReturnLine::reason)
                .containsExactly(tuple("P7-1", new BigDecimal("500.00"), null),
                        tuple("P7-2", new BigDecimal("320.50"), "退票"));
    }

    @Test
    void xlsxHeaderOnlyEmptyAndWrongHeader() throws IOException {
        assertThat(ReturnFileParser.parse(xlsx(new XSSFWorkbook(), header())).errors())
                .containsExactly(error(0, "文件只有表头，没有数据行"));
        assertThat(ReturnFileParser.parse(xlsx(new XSSFWorkbook())).errors())
                .containsExactly(error(0, "文件为空"));
        assertThat(messages(ReturnFileParser.parse(xlsx(new XSSFWorkbook(), new Object[]{"参考号", "账号", "金额", "结果"},
                new Object[]{"P1-1", "6222020200112233445", 1, "成功"}))))
                .containsExactly("第 1 行：表头应为“参考号,账号,金额,结果,失败原因”（或 reference,account,amount,result,reason），"
                        + "实际为“参考号,账号,金额,结果,”");
    }

    @Test
    void aZipThatIsNoWorkbookIsAFileError() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("hello.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String message = "无法读取 XLSX 文件：文件可能已损坏，或者不是 Excel 工作簿（.xlsx）";
        ParsedReturnFile notAWorkbook = ReturnFileParser.parse(out.toByteArray());
        assertThat(notAWorkbook.encoding()).isEqualTo("XLSX");
        assertThat(notAWorkbook.errors()).containsExactly(error(0, message));

        byte[] good = xlsx(new XSSFWorkbook(), header(), new Object[]{"P1-1", "6222020200112233445", 1, "成功"});
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        assertThat(ReturnFileParser.parse(truncated).errors()).containsExactly(error(0, message));
        byte[] junk = new byte[2000];
        new Random(7).nextBytes(junk);
        System.arraycopy(new byte[]{'P', 'K', 3, 4}, 0, junk, 0, 4);
        assertThat(ReturnFileParser.parse(junk).errors()).containsExactly(error(0, message));
    }

    @Test
    void excelNumbersReadAsExcelShowsThem() {
        assertThat(ReturnFileParser.excelNumber("500.0")).isEqualTo("500");
        assertThat(ReturnFileParser.excelNumber("1234567.89")).isEqualTo("1234567.89");
        assertThat(ReturnFileParser.excelNumber("0.01")).isEqualTo("0.01");
        assertThat(ReturnFileParser.excelNumber("0.30000000000000004")).isEqualTo("0.3");
        assertThat(ReturnFileParser.excelNumber("12.345")).isEqualTo("12.345");
        assertThat(ReturnFileParser.excelNumber("1.0E-2")).isEqualTo("0.01");
        assertThat(ReturnFileParser.excelNumber("9999999999.99")).isEqualTo("9999999999.99");
        assertThat(ReturnFileParser.excelNumber("6.2220202001122335E18")).isEqualTo("6222020200112230000");
    }
}
