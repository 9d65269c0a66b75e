package cn.dibao.standard;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;

/**
 * 特困供养: the basic living standard (at least 1.3 × 低保, checked by {@link StandardService}), the
 * care standards at home and in an institution per self-care tier (元/人/月), the age up to
 * which a minor counts as such, and the age below which a pupil of compulsory, senior-high or
 * secondary-vocational school still counts as unable to work (D3 第二十四条).
 */
@Embeddable
public record TekunSupport(
        @Column(nullable = false, precision = 10, scale = 2) @Yuan BigDecimal tekunBasic,
        @Column(nullable = false, precision = 10, scale = 2) @Yuan BigDecimal tekunCareHomeSelf,
        @Column(nullable = false, precision = 10, scale = 2) @Yuan BigDecimal tekunCareHomePartial,
        @Column(nullable = false, precision = 10, scale = 2) @Yuan BigDecimal tekunCareHomeFull,
        @Column(nullable = false, precision = 10, scale = 2) @Yuan BigDecimal tekunCareInstSelf,
        @Column(nullable = false, precision = 10, scale = 2) @Yuan BigDecimal tekunCareInstPartial,
        @Column(nullable = false, precision = 10, scale = 2) @Yuan BigDecimal tekunCareInstFull,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 16, max = 18) Integer tekunMinorAge,
        @JdbcTypeCode(SqlTypes.SMALLINT) @Column(nullable = false)
        @WholeNumber(min = 18, max = 30) Integer tekunSchoolAge) {

    /** The national defaults (V3, V25); the basic living standard is local and left empty. */
    static TekunSupport defaults() {
        BigDecimal zero = BigDecimal.ZERO;
        return new TekunSupport(null, zero, zero, zero, zero, zero, zero, 18, 25);
    }
}
