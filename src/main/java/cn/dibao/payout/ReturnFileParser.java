package cn.dibao.payout;

// TEMPORARY: replaced by the parser on branch bankfiles before this lands
final class ReturnFileParser {
    static ParsedReturnFile parse(byte[] content) {
        throw new UnsupportedOperationException("bankfiles branch");
    }
}
