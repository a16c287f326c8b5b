#!/usr/bin/env bash
# Builds the container images chameleon:jvm and chameleon:native from deploy/container/ with podman, then checks
# each: its filesystem is exported and the program runs in it with chroot as the image's user (--help, --version,
# set_configuration_files, whose files must belong to that user), and prints the images' sizes.
#
# Made for machines without a container engine or registry: podman builds with the vfs storage driver and no RUN
# step, and the JVM image's base (Debian 12 minbase + openjdk-17-jre-headless + the chameleon user) is assembled
# with debootstrap from the Debian mirror, cached in $CHAMELEON_IMAGE_CACHE (default ~/.cache/chameleon-images) so
# that reruns skip it. Needs root (debootstrap, chroot, mounting /proc for the check) and podman, debootstrap:
#   apt-get install -y podman buildah debootstrap
# Input: the JVM build (./mvnw -B package -DskipTests); for the native image the newest target/*-runner or
# CHAMELEON_NATIVE_RUNNER (./mvnw -B package -Dnative -DskipTests); without one the native image is skipped.
# DEBIAN_MIRROR overrides the mirror (default: the first deb.debian.org-style URI of this machine's apt sources).
set -euo pipefail
cd "$(dirname "$0")/.."

readonly APP_UID=10001
readonly CACHE=${CHAMELEON_IMAGE_CACHE:-$HOME/.cache/chameleon-images}
readonly STAGE=target/container
# the base's recipe: a change to it (packages, trimming, user) assembles and imports a new base
readonly BASE_RECIPE="bookworm minbase openjdk-17-jre-headless uid${APP_UID} trim-v1"
base_id=$(printf '%s' "$BASE_RECIPE" | sha256sum | cut -c1-12)
readonly BASE_ROOTFS=$CACHE/debian12-jre17-$base_id
readonly BASE_IMAGE=localhost/chameleon-base:debian12-jre17-$base_id

pm() { podman --storage-driver vfs "$@"; }
fail() { echo "build-images: $*" >&2; exit 1; }
trap 'echo "build-images: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

[ "$(id -u)" -eq 0 ] || fail "run as root: debootstrap, chroot and mounting /proc for the checks need it"
for tool in podman debootstrap chroot tar readelf; do
  command -v "$tool" >/dev/null 2>&1 \
    || fail "$tool is missing; install it: apt-get install -y podman buildah debootstrap binutils"
done
[ -f target/quarkus-app/quarkus-run.jar ] \
  || fail "no JVM build in target/quarkus-app; build it first: ./mvnw -B package -DskipTests"
version=$(unzip -p target/quarkus-app/app/*.jar chameleon-version.properties | sed -n 's/^version=//p')

mirror() {
  if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(grep -rhoE '(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ \
    2>/dev/null | grep -oE 'https?://[^ ]+' | head -1 || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

# Debian 12 minbase with the JRE, trimmed of what a container never uses, with the chameleon user and directories.
assemble_base_rootfs() {
  local tmp=$BASE_ROOTFS.partial
  rm -rf "$tmp"
  mkdir -p "$CACHE"
  echo "assembling the base in $BASE_ROOTFS (debootstrap from $(mirror), once)"
  nice debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$tmp" "$(mirror)" \
    >"$CACHE/debootstrap.log" 2>&1 || fail "debootstrap failed; see $CACHE/debootstrap.log"
  chroot "$tmp" apt-get clean
  rm -rf "$tmp"/var/lib/apt/lists/* "$tmp"/usr/share/doc/* "$tmp"/usr/share/man/* "$tmp"/usr/share/info/* \
    "$tmp"/usr/share/locale/* "$tmp"/var/log/* "$tmp"/var/cache/debconf/*-old "$tmp"/tmp/*
  chroot "$tmp" groupadd --gid "$APP_UID" chameleon
  chroot "$tmp" useradd --uid "$APP_UID" --gid "$APP_UID" --home-dir /var/lib/chameleon --no-create-home \
    --shell /usr/sbin/nologin chameleon
  install -d -m 0750 -o "$APP_UID" -g "$APP_UID" "$tmp/var/lib/chameleon"
  install -d -m 0755 "$tmp/etc/chameleon"
  echo "$BASE_RECIPE" >"$tmp/etc/chameleon-base"
  mv "$tmp" "$BASE_ROOTFS"
}

import_base_image() {
  pm image exists "$BASE_IMAGE" && return
  [ -f "$BASE_ROOTFS/etc/chameleon-base" ] || assemble_base_rootfs
  echo "importing the base as $BASE_IMAGE"
  tar --numeric-owner -C "$BASE_ROOTFS" -c . \
    | pm import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
      --change 'ENV LANG=C.UTF-8' --quiet - "$BASE_IMAGE" >/dev/null
}

build() { # image containerfile [build args]
  local image=$1 file=$2
  shift 2
  echo "building $image from $file"
  # docker format: OCI images drop HEALTHCHECK and friends; --ignorefile keeps the context to what is copied;
  # --layers=false: with vfs every intermediate image is a full copy of the filesystem (300 MB a step)
  nice podman --storage-driver vfs build --quiet --layers=false --format docker \
    --ignorefile deploy/container/containerignore -f "$file" -t "$image" "$@" . >/dev/null
  # the image this one replaces
  pm image prune -f >/dev/null
}

# The library file a shared object needs (soname), from the base's library directories.
library_in_base() {
  local soname=$1 dir
  for dir in lib/x86_64-linux-gnu usr/lib/x86_64-linux-gnu lib64 lib usr/lib; do
    if [ -e "$BASE_ROOTFS/$dir/$soname" ]; then echo "$dir/$soname"; return; fi
  done
  fail "$soname (needed by the native executable) is not in the Debian 12 base $BASE_ROOTFS"
}

# Copies into the staged root, at the base's paths, an ELF file's interpreter and its libraries, recursively.
stage_libraries() { # root elf-file
  local root=$1 elf=$2 interp soname path
  interp=$(readelf -l "$elf" | sed -n 's/.*Requesting program interpreter: \(.*\)]/\1/p')
  if [ -n "$interp" ] && [ ! -e "$root$interp" ]; then
    mkdir -p "$root$(dirname "$interp")"
    cp -L "$BASE_ROOTFS$interp" "$root$interp"
  fi
  for soname in $(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
    path=$(library_in_base "$soname")
    if [ ! -e "$root/$path" ]; then
      mkdir -p "$root/$(dirname "$path")"
      cp -L "$BASE_ROOTFS/$path" "$root/$path"
      stage_libraries "$root" "$root/$path"
    fi
  done
}

stage_native() { # runner
  local runner=$1 root=$STAGE/native-rootfs zstd_lib
  rm -rf "$root" "$STAGE/native-state" "$STAGE/chameleon-native"
  mkdir -p "$root/etc/chameleon" "$root/tmp" "$STAGE/native-state"
  chmod 1777 "$root/tmp"
  chmod 0750 "$STAGE/native-state"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nchameleon:x:%s:%s:chameleon:/var/lib/chameleon:/sbin/nologin\n' \
    "$APP_UID" "$APP_UID" >"$root/etc/passwd"
  printf 'root:x:0:\nchameleon:x:%s:\n' "$APP_UID" >"$root/etc/group"
  cp "$runner" "$STAGE/chameleon-native"
  stage_libraries "$root" "$runner"
  # zstd-jni's library is unpacked and loaded at run time (MySQL 8 compressed transactions): its libraries too
  zstd_lib=$(mktemp)
  unzip -p target/quarkus-app/lib/main/com.github.luben.zstd-jni-*.jar 'linux/amd64/libzstd-jni-*.so' >"$zstd_lib"
  stage_libraries "$root" "$zstd_lib"
  rm -f "$zstd_lib"
}

CHECK_DIR=""
cleanup() {
  if [ -n "$CHECK_DIR" ] && mountpoint -q "$CHECK_DIR/proc"; then umount "$CHECK_DIR/proc"; fi
}
trap cleanup EXIT

# Runs the image's entry point in its exported filesystem with chroot, as its user and with its environment.
check_image() { # image
  local image=$1 dir cid user entrypoint=() env=() out owner
  dir=$STAGE/check-${image##*:}
  rm -rf "$dir"
  mkdir -p "$dir"
  cid=$(pm create "$image")
  pm export "$cid" | tar -x -C "$dir"
  pm rm "$cid" >/dev/null
  user=$(pm image inspect --format '{{.Config.User}}' "$image")
  [[ $user =~ ^[1-9][0-9]*:[1-9][0-9]*$ ]] || fail "$image: USER is '$user'; it must be a fixed non-root uid:gid"
  mapfile -t entrypoint < <(pm image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$image" \
    | sed '/^$/d')
  mapfile -t env < <(pm image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$image" | sed '/^$/d')
  CHECK_DIR=$dir
  mkdir -p "$dir/proc"
  mount -t proc proc "$dir/proc"
  run() { env -i "${env[@]}" chroot --userspec="$user" "$dir" "${entrypoint[@]}" "$@"; }

  echo "check $image: chroot --userspec=$user ${entrypoint[*]} --help"
  out=$(run --help 2>&1) || fail "$image: --help failed: $out"
  grep -q 'start_replica' <<<"$out" || fail "$image: --help does not list start_replica: $out"
  sed -n '1,4s/^/    /p' <<<"$out"
  echo "check $image: ${entrypoint[*]} --version"
  out=$(run --version 2>&1) || fail "$image: --version failed: $out"
  grep -qx "chameleon $version" <<<"$out" || fail "$image: --version printed '$out', expected 'chameleon $version'"
  sed 's/^/    /' <<<"$out"
  echo "check $image: ${entrypoint[*]} set_configuration_files writes the state volume as uid:gid $user"
  out=$(run set_configuration_files 2>&1) || fail "$image: set_configuration_files failed: $out"
  owner=$(stat -c '%u:%g' "$dir/var/lib/chameleon/configuration/config-example.yml")
  [ "$owner" = "$user" ] || fail "$image: the file it wrote belongs to $owner, not $user"
  echo "    $(stat -c 'uid %u gid %g %A %n' "$dir/var/lib/chameleon/configuration/config-example.yml" \
    | sed "s|$dir||")"
  umount "$dir/proc"
  CHECK_DIR=""
  rm -rf "$dir"
}

import_base_image
mkdir -p "$STAGE"
build chameleon:jvm deploy/container/Containerfile.jvm --build-arg "BASE=$BASE_IMAGE"
check_image chameleon:jvm

runner=${CHAMELEON_NATIVE_RUNNER:-}
if [ -z "$runner" ]; then
  runner=$(ls -t target/*-runner 2>/dev/null | head -1 || true)
fi
if [ -n "$runner" ]; then
  [ -x "$runner" ] || fail "native executable $runner is not executable"
  stage_native "$runner"
  build chameleon:native deploy/container/Containerfile.native
  check_image chameleon:native
else
  echo "native image skipped: no native executable (no target/*-runner, CHAMELEON_NATIVE_RUNNER unset);" \
    "build one with ./mvnw -B package -Dnative -DskipTests (needs GraalVM or Mandrel), then rerun"
fi

echo "images:"
pm images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^(localhost/)?chameleon(-base)?:' | sed 's/^/    /'
