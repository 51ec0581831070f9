#!/usr/bin/env bash
# Makes the demo clips, posters and sample inputs in public/demo from ffmpeg's synthetic sources.
# Run once when the set changes (`npm run demo-media`); the outputs are committed, so neither the
# studio nor CI needs ffmpeg.
set -euo pipefail
out="$(dirname "$0")/../public/demo"
mkdir -p "$out"

# aspect ratio | size | synthetic source
clips=(
  "16x9 640x360 testsrc2"
  "9x16 360x640 mandelbrot"
  "1x1 480x480 testsrc"
  "4x3 480x360 life"
  "3x4 360x480 cellauto"
  "21x9 672x288 gradients"
  "3x2 540x360 rgbtestsrc"
  "2x3 360x540 mandelbrot"
)

source_filter() {
  local name=$1 size=$2
  case $name in
    life) echo "life=size=120x90:mold=10:rate=24:ratio=0.1:death_color=#1e1b4b:life_color=#f472b6,scale=${size/x/:}:flags=neighbor,format=yuv420p" ;;
    cellauto) echo "cellauto=size=$size:rate=24:rule=110,format=yuv420p" ;;
    gradients) echo "gradients=size=$size:rate=24:speed=0.02,format=yuv420p" ;;
    *) echo "$name=size=$size:rate=24,format=yuv420p" ;;
  esac
}

for clip in "${clips[@]}"; do
  read -r ratio size src <<<"$clip"
  ffmpeg -loglevel error -y \
    -f lavfi -i "$(source_filter "$src" "$size")" \
    -f lavfi -i "sine=frequency=220:sample_rate=44100,volume=0.05" \
    -t 4 -c:v libx264 -preset veryslow -crf 30 -pix_fmt yuv420p -movflags +faststart \
    -c:a aac -b:a 32k -shortest "$out/clip-$ratio.mp4"
  ffmpeg -loglevel error -y -ss 1 -i "$out/clip-$ratio.mp4" -frames:v 1 -q:v 5 "$out/clip-$ratio.jpg"
done

ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=330:duration=6,volume=0.2" -c:a libmp3lame -b:a 48k "$out/tone.mp3"
ls -l "$out"
