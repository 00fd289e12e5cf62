package org.onewindow.core.casework;

import java.util.List;
import org.onewindow.core.backend.BackendException;

/** Evidence verified for a citizen in earlier cases (back-end port; blocks on the network). */
public interface PriorMaterials {
    List<MaterialEvidence> priorMaterials(String idNumber) throws BackendException;
}
