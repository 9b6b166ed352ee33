#!/bin/sh
# The build steps of deploy/docker/Dockerfile, one command each, so that the image build and
# its check (tests/deploy/image-build-check, which runs them on a copy of the build context
# without Node.js) run the same commands. POSIX sh: the SDK image's /bin/sh runs it.
#
#   build.sh restore-inputs SRC DEST   copy what restore reads (project and props files) from SRC to DEST
#   build.sh restore PROJECT           dotnet restore PROJECT for the target runtime
#   build.sh publish PROJECT OUT       publish PROJECT ReadyToRun into OUT, with OUT/start
#
# TARGETARCH (amd64 or arm64, set by BuildKit) picks the runtime identifier; default amd64.
set -eu

rid() {
  case "${TARGETARCH:-amd64}" in
    amd64) echo linux-x64 ;;
    arm64) echo linux-arm64 ;;
    *) echo "unsupported TARGETARCH '${TARGETARCH}'" >&2; exit 1 ;;
  esac
}

need_project() {
  [ -n "${1:-}" ] || { echo "build with --build-arg PROJECT=<project folder>" >&2; exit 1; }
  [ -d "$1" ] || { echo "PROJECT '$1' is not a folder of the build context" >&2; exit 1; }
}

step="${1:-}"
[ $# -gt 0 ] && shift
case "$step" in
  restore-inputs)
    src="$1" dest="$2"
    mkdir -p "$dest"
    # Only these decide what restore fetches: a change to any other file keeps the restore layer.
    (cd "$src" && find . -type f \( -name '*.csproj' -o -name 'Directory.Build.props' -o -name 'Directory.Build.targets' \
      -o -name 'Directory.Packages.props' -o -iname 'nuget.config' -o -name 'global.json' \) \
      -exec cp --parents {} "$dest" \;)
    ;;
  restore)
    need_project "${1:-}"
    dotnet restore "$1" -r "$(rid)" -p:PublishReadyToRun=true
    ;;
  publish)
    need_project "${1:-}"
    out="$2"
    # ReadyToRun: the assemblies carry native code for the runtime, so a pod starts serving
    # without first compiling its start-up path (the JIT still optimises the hot paths later).
    dotnet publish "$1" -c Release --no-restore -r "$(rid)" --self-contained false \
      -p:PublishReadyToRun=true -p:UseAppHost=false -o "$out"
    name="$(basename "$1")"
    test -f "$out/$name.dll" || { echo "$out/$name.dll was not published" >&2; exit 1; }
    printf '#!/bin/sh\nexec dotnet /app/%s.dll "$@"\n' "$name" > "$out/start"
    chmod 755 "$out/start"
    ;;
  *)
    echo "usage: build.sh restore-inputs SRC DEST | restore PROJECT | publish PROJECT OUT" >&2
    exit 2
    ;;
esac
