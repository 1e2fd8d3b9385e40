# deps.sh — the Debian packages Debrief needs, and installing what is
# missing. Sourced by run.sh and test.sh.
# SPDX-License-Identifier: GPL-3.0-or-later

# To build: the toolchain, Meson, and the libraries of Debian 12 (bookworm).
DEBRIEF_BUILD_PACKAGES=(
  build-essential
  pkg-config
  meson
  ninja-build
  gettext
  python3
  libglib2.0-dev
  libglib2.0-dev-bin
  libglib2.0-bin
  libgtk-4-dev
  libadwaita-1-dev
  libjson-glib-dev
  libsqlite3-dev
  nettle-dev
  shared-mime-info
)

# To run: icons, fonts, and a settings store that keeps the window size.
DEBRIEF_RUN_PACKAGES=(
  adwaita-icon-theme
  fonts-cantarell
  librsvg2-common
  dconf-gsettings-backend
)

# To test: data-file validators, and a private X server and D-Bus session
# for the tests that open real windows.
DEBRIEF_TEST_PACKAGES=(
  desktop-file-utils
  appstream
  libxml2-utils
  xvfb
  xauth
  xdotool
  dbus-daemon
  at-spi2-core
)

debrief_missing_packages ()
{
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
      echo "$package"
    fi
  done
}

# Installs the packages given that are not installed yet: with apt-get when
# run as root, otherwise it prints the one command that does it and fails.
debrief_ensure_packages ()
{
  local missing

  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "This is not a Debian-based system; make sure the equivalents of these packages are installed:" >&2
    echo "  $*" >&2
    return 0
  fi

  mapfile -t missing < <(debrief_missing_packages "$@")
  if [ ${#missing[@]} -eq 0 ]; then
    return 0
  fi

  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "Debrief needs some Debian packages that are not installed. Install them with:" >&2
    echo "" >&2
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}" >&2
    echo "" >&2
    echo "then run this command again." >&2
    exit 1
  fi
}

# Configures DIR with the options given, or reconfigures it if it exists.
debrief_configure ()
{
  local dir=$1
  shift

  if [ -f "$dir/build.ninja" ]; then
    meson configure "$dir" "$@" >/dev/null
  else
    meson setup "$dir" "$DEBRIEF_TOP" "$@"
  fi
}
