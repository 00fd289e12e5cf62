package org.onewindow.verification.identity;

/** Which identity document a number belongs to, told from the number alone. */
public enum IdDocumentKind {
    /** 居民身份证 (GB 11643). */
    RESIDENT_ID,
    /** 港澳台居民居住证: Hong Kong (810000). */
    RESIDENCE_PERMIT_HONG_KONG,
    /** 港澳台居民居住证: Macao (820000). */
    RESIDENCE_PERMIT_MACAO,
    /** 港澳台居民居住证: Taiwan (830000). */
    RESIDENCE_PERMIT_TAIWAN,
    /** 外国人永久居留身份证, 2017 edition: 3 letters + 12 digits. */
    FOREIGN_PERMANENT_2017,
    /** 外国人永久居留身份证, 2023 edition: 18 digits starting with 9. */
    FOREIGN_PERMANENT_2023,
    UNKNOWN
}
