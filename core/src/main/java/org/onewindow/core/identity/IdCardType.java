package org.onewindow.core.identity;

/** The card families a resident-ID reader returns; the type flag sits at byte 248 of the text block. */
public enum IdCardType {
    /** 居民身份证 (second-generation resident ID card). */
    RESIDENT,
    /** 外国人永久居留身份证, 2017 layout (type flag 'I'). */
    FOREIGN_PERMANENT_2017,
    /** 外国人永久居留身份证, 2023 layout (18-digit number starting with 9, type flag 'Y'). */
    FOREIGN_PERMANENT_2023,
    /** 港澳台居民居住证 (type flag 'J'). */
    HMT_RESIDENCE_PERMIT
}
