package org.onewindow.sandbox;

/** One slice of the back-end contract (identity, archive, queue, ...): its tables, seed data and routes. */
public interface SandboxFeature {
    void install(SandboxContext context);
}
