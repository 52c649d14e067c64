package org.silkgrant.review;

import java.util.List;

/** An import that went through: every expert created, with the credentials to hand over, and the file's digest. */
public record ImportResult(List<CreatedExpert> created, String fileSha256) {
}
