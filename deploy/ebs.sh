#!/usr/bin/env bash
# Format (only when blank) and mount an EBS data volume for shards and checkpoints, and check free space before a run.
#
#   deploy/ebs.sh mount DEVICE MOUNTPOINT [--force] [--dry-run] [--fs=ext4|xfs]
#       A device that already holds a filesystem is mounted as it is: formatting it would destroy a previous run's
#       shards and checkpoints. --force formats it anyway. The mount goes into /etc/fstab by UUID with `nofail`, so
#       the instance still boots when the volume is detached. --dry-run prints every command instead of running it
#       (the test suite uses it; it also accepts a plain image file in place of a block device).
#   deploy/ebs.sh check DIR MIN_FREE_GB
#       Exit 1, naming DIR, when it has less than MIN_FREE_GB free: run it before a job that writes checkpoints.
#
# Example on a fresh EC2 instance with a 500 GB gp3 volume attached (NVMe instances name it /dev/nvme1n1):
#   sudo deploy/ebs.sh mount /dev/nvme1n1 /data && sudo chown "$USER" /data
#   deploy/ebs.sh check /data 200 && ln -sfn /data/out out
set -euo pipefail

die() { echo "ebs.sh: $*" >&2; exit 1; }

run() {  # print in dry-run mode, execute otherwise
  if [ "$DRY_RUN" = 1 ]; then echo "+ $*"; else "$@"; fi
}

fs_type() {  # the filesystem on $1, empty when blank
  blkid -o value -s TYPE "$1" 2>/dev/null || true
}

mount_volume() {
  local device=$1 mountpoint=$2
  if [ "$DRY_RUN" = 1 ]; then
    [ -e "$device" ] || die "device $device does not exist"
  else
    [ -b "$device" ] || die "$device is not a block device (lsblk lists the attached volumes)"
  fi
  if findmnt -rn -S "$device" >/dev/null 2>&1; then
    die "$device is already mounted at $(findmnt -rn -o TARGET -S "$device"); refusing to touch it"
  fi
  local existing
  existing=$(fs_type "$device")
  if [ -n "$existing" ] && [ "$FORCE" != 1 ]; then
    echo "$device already holds a $existing filesystem: mounting it as it is (--force formats it, destroying its data)"
  else
    [ -n "$existing" ] && echo "--force: formatting $device, which holds a $existing filesystem"
    run "mkfs.$FS" -q -L nanotutor-data "$device"
  fi
  run mkdir -p "$mountpoint"
  run mount "$device" "$mountpoint"
  local uuid
  uuid=$(blkid -o value -s UUID "$device" 2>/dev/null || echo "<uuid after mkfs>")
  local line="UUID=$uuid $mountpoint ${existing:-$FS} defaults,nofail 0 2"
  if grep -qs " $mountpoint " /etc/fstab; then
    echo "/etc/fstab already has an entry for $mountpoint"
  elif [ "$DRY_RUN" = 1 ]; then
    echo "+ append to /etc/fstab: $line"
  else
    echo "$line" >> /etc/fstab
  fi
  [ "$DRY_RUN" = 1 ] || check_free "$mountpoint" 1
}

check_free() {
  local dir=$1 need_gb=$2
  [ -d "$dir" ] || die "$dir is not a directory"
  [[ "$need_gb" =~ ^[0-9]+$ ]] || die "MIN_FREE_GB must be a whole number of GB, got '$need_gb'"
  local free_kb
  free_kb=$(df -Pk "$dir" | awk 'NR == 2 {print $4}')
  local free_gb=$((free_kb / 1024 / 1024))
  if [ "$free_gb" -lt "$need_gb" ]; then
    die "$dir has ${free_gb} GB free, the run needs ${need_gb} GB"
  fi
  echo "$dir: ${free_gb} GB free (need ${need_gb} GB)"
}

DRY_RUN=0
FORCE=0
FS=ext4
ARGS=()
for arg in "$@"; do
  case "$arg" in
    --dry-run) DRY_RUN=1 ;;
    --force) FORCE=1 ;;
    --fs=ext4|--fs=xfs) FS=${arg#--fs=} ;;
    --*) die "unknown option $arg" ;;
    *) ARGS+=("$arg") ;;
  esac
done

case "${ARGS[0]:-}" in
  mount) [ ${#ARGS[@]} = 3 ] || die "usage: ebs.sh mount DEVICE MOUNTPOINT [--force] [--dry-run]"
         mount_volume "${ARGS[1]}" "${ARGS[2]}" ;;
  check) [ ${#ARGS[@]} = 3 ] || die "usage: ebs.sh check DIR MIN_FREE_GB"
         check_free "${ARGS[1]}" "${ARGS[2]}" ;;
  *) die "usage: ebs.sh mount DEVICE MOUNTPOINT [--force] [--dry-run] | ebs.sh check DIR MIN_FREE_GB" ;;
esac
