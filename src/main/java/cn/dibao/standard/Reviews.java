package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 动态管理: the months of 渐退期 and how often 低保, 特困 and 边缘 households are reviewed. */
@Embeddable
public record Reviews(
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 0, max = 36) Integer graceMonths,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 36) Integer dibaoReviewMonths,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 36) Integer tekunReviewMonths,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 1, max = 36) Integer edgeReviewMonths) {

    /** The national defaults (V3). */
    static Reviews defaults() {
        return new Reviews(6, 12, 12, 12);
    }
}
