package org.onewindow.core.face;

import org.onewindow.core.backend.BackendException;

/** The back-end's face-compare service (POST /face/compare). Blocks on the network: never on the UI thread. */
public interface FaceComparer {
    FaceMatch compare(FaceCompareRequest request) throws BackendException;
}
