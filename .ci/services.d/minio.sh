# MinIO for the apply engine's S3-compatibility tests (sourced by .ci/run).
# --- MinIO block (owner: apply engineer) ---
# Builds the pinned MinIO once into a cache folder (about 12 minutes on two
# cores) and points the tests at it. MinIO is AGPL: it is only run as a
# separate process by internal/testenv.StartMinIO, never vendored. Keep the
# version in sync with testenv.MinIOVersion.
TERAMOTC_MINIO_VERSION="v0.0.0-20260212201848-7aac2a2c5b7c"
TERAMOTC_MINIO_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/teramotc/minio/bin"
if [[ ! -x "$TERAMOTC_MINIO_DIR/minio" ]]; then
  echo ".ci/services.d/minio.sh: building MinIO $TERAMOTC_MINIO_VERSION into $TERAMOTC_MINIO_DIR (cached afterwards)"
  GOBIN="$TERAMOTC_MINIO_DIR" go install "github.com/minio/minio@$TERAMOTC_MINIO_VERSION"
fi
export TERAMOTC_MINIO_BIN="$TERAMOTC_MINIO_DIR/minio"
# --- end of MinIO block ---
