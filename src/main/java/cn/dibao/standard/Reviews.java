package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 动态管理: the months of 渐退期 and how often 低保, 特困 and 边缘 households are reviewed. */
@Embeddable
public record Reviews(
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 0, message = "{standard.int.min}")
        @Max(value = 36, message = "{standard.int.max}") Integer graceMonths,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 36, message = "{standard.int.max}") Integer dibaoReviewMonths,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 36, message = "{standard.int.max}") Integer tekunReviewMonths,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @NotNull(message = "{standard.number.required}") @Min(value = 1, message = "{standard.int.min}")
        @Max(value = 36, message = "{standard.int.max}") Integer edgeReviewMonths) {

    /** The national defaults (V3). */
    static Reviews defaults() {
        return new Reviews(6, 12, 12, 12);
    }
}
