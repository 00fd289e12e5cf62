package org.onewindow.verification.datashare;

/** The back-end look-ups that replace a paper proof. */
public enum DataShareKind {
    /** 户籍登记. */
    HOUSEHOLD_REGISTRATION("household-registration"),
    /** 不动产登记. */
    PROPERTY_REGISTRATION("property-registration"),
    /** 社会保险参保记录. */
    SOCIAL_SECURITY("social-security");

    private final String path;

    DataShareKind(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
