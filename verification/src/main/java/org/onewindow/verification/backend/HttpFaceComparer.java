package org.onewindow.verification.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.face.FaceBox;
import org.onewindow.core.face.FaceCompareRequest;
import org.onewindow.core.face.FaceComparer;
import org.onewindow.core.face.FaceMatch;

/**
 * {@link FaceComparer} over POST /api/v1/face/compare (docs/api/onewindow-backend.yaml), on the session and
 * connection pool of an {@link HttpHallServices}. An answer that breaks the contract is PROTOCOL.
 */
public final class HttpFaceComparer implements FaceComparer {
    private final HttpHallServices http;

    public HttpFaceComparer(HttpHallServices http) {
        this.http = http;
    }

    @Override
    public FaceMatch compare(FaceCompareRequest request) throws BackendException {
        ObjectNode body = HttpHallServices.JSON.createObjectNode();
        body.put("liveImage", Base64.getEncoder().encodeToString(request.liveJpeg()));
        body.set("liveFace", region(request.liveFace()));
        body.put("referenceImage", Base64.getEncoder().encodeToString(request.referenceImage()));
        body.set("referenceFace", region(request.referenceFace()));
        body.put("referenceSource", request.referenceSource());
        body.put("threshold", request.threshold());
        JsonNode n = http.callJson("POST", "/api/v1/face/compare", body);
        JsonNode score = n.get("score");
        JsonNode threshold = n.get("threshold");
        String decision = n.path("decision").asText("");
        if (score == null || !score.isNumber() || threshold == null || !threshold.isNumber()
                || score.asDouble() < 0 || score.asDouble() > 1
                || !(decision.equals("MATCH") || decision.equals("NO_MATCH"))
                || !n.path("compareId").isTextual() || !n.path("engine").isTextual()) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "face-compare answer does not fit the contract");
        }
        Instant at;
        try {
            at = Instant.parse(n.path("comparedAt").asText());
        } catch (DateTimeParseException e) {
            throw new BackendException(BackendException.Kind.PROTOCOL, "face-compare answer has a bad time");
        }
        return new FaceMatch(score.asDouble(), threshold.asDouble(), decision.equals("MATCH"), n.get("compareId").asText(),
                at, n.get("engine").asText());
    }

    private static JsonNode region(FaceBox box) {
        if (box == null) {
            return HttpHallServices.JSON.nullNode();
        }
        return HttpHallServices.JSON.createObjectNode().put("x", box.x()).put("y", box.y())
                .put("width", box.width()).put("height", box.height());
    }
}
