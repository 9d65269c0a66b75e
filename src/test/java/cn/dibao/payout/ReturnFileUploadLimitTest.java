package cn.dibao.payout;

import cn.dibao.document.DocumentStore;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the multipart parser lets through a bank return file of the largest county the README
 * promises (1M households, about 42-50 MB; the parser takes up to 128 MB with its own message), and a
 * scan just over its 10 MB still reaches the store's message rather than the container's refusal.
 */
@IntegrationTest
class ReturnFileUploadLimitTest {

    @Autowired
    Environment env;

    @Test
    void theParserLimitsSitAboveTheReturnFileAndTheScanLimits() {
        DataSize file = DataSize.parse(env.getRequiredProperty("spring.servlet.multipart.max-file-size"));
        DataSize request = DataSize.parse(env.getRequiredProperty("spring.servlet.multipart.max-request-size"));
        assertThat(file.toBytes()).isGreaterThan(ReturnFileParser.MAX_BYTES).isGreaterThan(DocumentStore.MAX_BYTES);
        assertThat(file.toBytes()).isGreaterThan(DataSize.ofMegabytes(50).toBytes());
        assertThat(request.toBytes()).isGreaterThanOrEqualTo(file.toBytes());
        DataSize swallow = DataSize.parse(env.getRequiredProperty("server.tomcat.max-swallow-size"));
        assertThat(swallow.toBytes()).isGreaterThan(request.toBytes());
    }
}
