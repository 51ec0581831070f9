#!/usr/bin/env bash
# Makes the demo clips, their posters and the sample inputs in public/demo from ffmpeg's synthetic sources.
# The clip list (looks, ratios, lengths) is src/catalog/demo-clips.ts. Run once when the set changes
# (`npm run demo-media`, a few minutes); the outputs are committed, so neither the studio nor CI needs ffmpeg.
# `npm run demo-media -- lava-16x9-4s.mp4 …` remakes only the named clips.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/public/demo"
fps=24
mkdir -p "$out"

# Small frames: every look is soft, so the player's upscaling loses nothing and the set stays small.
frame_size() {
  case $1 in
    16:9) echo 448x252 ;; 9:16) echo 252x448 ;; 1:1) echo 336x336 ;; 4:3) echo 384x288 ;;
    3:4) echo 288x384 ;; 21:9) echo 560x240 ;; 3:2) echo 432x288 ;; 2:3) echo 288x432 ;;
  esac
}

# The geq looks are computed at a quarter of the frame and scaled up: they are smooth, and geq is slow.
quarter() { local w=${1%x*} h=${1#*x}; echo "$((w / 4))x$((h / 4))"; }
# One of the arguments, by variant.
pick() { local choices=("$@"); echo "${choices[$((variant % $#))]}"; }
# A different phase and a slight hue turn per variant, so one look differs between ratios and lengths.
phase() { echo "$((variant * 17 % 10)).$((variant * 7 % 10))"; }
hue_turn() { echo $(((variant % 3 - 1) * 18)); }

# Each look prints a lavfi graph for a frame size ($size) and a variant ($variant).
look_lava() {
  local p; p=$(phase)
  echo "nullsrc=size=$(quarter "$size"):rate=$fps,format=gray,geq=lum='128+32*(sin(X/9+T*0.9+$p)+sin(Y/7-T*0.6)+sin((X+Y)/13+T*0.5)+sin(hypot(X-W/2-W/5*sin(T*0.3+$p),Y-H/2-H/5*cos(T*0.4))/6-T*1.1))',scale=$size:flags=bicubic,format=yuv444p,pseudocolor=p=$(pick magma inferno),hue=h=$(hue_turn)"
}

look_silk() {
  local p; p=$(phase)
  echo "nullsrc=size=$(quarter "$size"):rate=$fps,format=gray,geq=lum='128+110*sin((X+9*sin(Y/11+T*0.8+$p)+5*sin(Y/5-T*0.5))/5+T*0.6)*(0.55+0.45*sin(Y/17+X/29-T*0.3+$p))',scale=$size:flags=bicubic,format=yuv444p,pseudocolor=p=$(pick inferno plasma),hue=h=$(hue_turn)"
}

# Soft out-of-focus lights drifting on Lissajous paths.
look_bokeh() {
  local p orbs="" i
  p=$(phase)
  for i in 0 1 2 3 4 5 6; do
    orbs+="+$((200 - i * 18))*exp(-(pow(X-W*(0.5+0.42*sin(T*(0.2+$i*0.07)+$p+$i*1.9)),2)+pow(Y-H*(0.5+0.4*cos(T*(0.17+$i*0.05)+$i*2.3)),2))/pow(min(W,H)*(0.12+0.05*$((i * 5 % 4))),2))"
  done
  echo "nullsrc=size=$(quarter "$size"):rate=$fps,format=gray,geq=lum='clip(12+14*Y/H$orbs,0,255)',scale=$size:flags=bicubic,format=yuv444p,pseudocolor=p=$(pick magma inferno),hue=h=$(hue_turn)"
}

# An auroral curtain: bright at its lower edge, fading upwards over `fade` of the height, shimmering across.
curtain() {
  local edge=$1 shimmer=$2 fade=$3
  echo "($shimmer)*if(lt(Y/H,$edge),exp((Y/H-($edge))/$fade),exp(-pow((Y/H-($edge))/0.03,2)))"
}

# Two curtains, green and violet, over a night sky.
look_aurora() {
  local p green violet
  p=$(phase)
  green=$(curtain "0.55+0.09*sin(X/W*6+T*0.6+$p)+0.03*sin(X/W*17-T*1.1)" "0.9+0.1*sin(X/W*41+3*sin(X/W*5+T*0.5))" 0.2)
  violet=$(curtain "0.75+0.06*sin(X/W*5-T*0.45)+0.03*sin(X/W*13+T*0.9+$p)" "0.85+0.15*sin(X/W*33-T*0.7)" 0.15)
  echo "nullsrc=size=$(quarter "$size"):rate=$fps,format=gbrp,geq=r='clip(6+140*$violet,0,255)':g='clip(10+220*$green+30*$violet,0,255)':b='clip(34-22*Y/H+80*$green+190*$violet,0,255)',scale=$size:flags=bicubic,hue=h=$(hue_turn)*2"
}

# A rotating multi-colour gradient, its hue drifting, with a vignette.
look_dusk() {
  local colours
  colours=$(pick "c0=#0f0c29:c1=#302b63:c2=#b24592:c3=#f7b267" "c0=#03071e:c1=#1d3557:c2=#2a9d8f:c3=#e9c46a" \
    "c0=#1a0b2e:c1=#6a2c70:c2=#f08a5d:c3=#f9ed69")
  echo "gradients=size=$size:rate=$fps:speed=0.012:n=4:$colours:seed=$variant,hue=h=8*sin(t*0.6),vignette=angle=PI/5"
}

# A slow zoom into a small copy of the Mandelbrot set, a little softened: its fine detail costs the most bits.
look_fractal() {
  local view
  view=$(pick "start_x=-1.2560:start_y=0.3810:start_scale=0.045:end_scale=0.025" \
    "start_x=-0.1600:start_y=1.0405:start_scale=0.07:end_scale=0.04" \
    "start_x=-0.1011:start_y=0.9563:start_scale=0.08:end_scale=0.045")
  echo "mandelbrot=size=$size:rate=$fps:$view:end_pts=$((seconds * fps)):maxiter=400:inner=black,format=gray,gblur=sigma=0.6,format=yuv444p,pseudocolor=p=$(pick inferno magma)"
}

# Compression the eye does not see in these soft looks; the fractal's detail hides a little more.
crf_of() { if [ "$1" = fractal ]; then echo 38; else echo 37; fi; }

# A clip's poster: its frame at one second, beside it as a JPEG.
poster() { nice -n 10 ffmpeg -nostdin -loglevel error -y -ss 1 -i "$1" -frames:v 1 -q:v 11 "${1%.mp4}.jpg"; }

make_clip() {
  local file=$1 ratio=$2 seconds=$3 look=$4 variant=$5 size
  size=$(frame_size "$ratio")
  nice -n 10 ffmpeg -nostdin -loglevel error -y -filter_threads 1 \
    -f lavfi -i "$(look_"$look"),format=yuv420p" -t "$seconds" -an \
    -c:v libx264 -threads 1 -preset veryslow -crf "$(crf_of "$look")" -pix_fmt yuv420p -movflags +faststart "$out/$file"
  poster "$out/$file"
}

# A full run starts from an empty set, so the folder holds exactly the list.
[ $# -eq 0 ] && rm -f "$out"/*.mp4 "$out"/*.jpg
wanted=" $* "
while read -r file ratio seconds look variant; do
  if [ $# -eq 0 ] || [[ $wanted == *" $file "* ]]; then
    echo "$file"
    make_clip "$file" "$ratio" "$seconds" "$look" "$variant"
  fi
done < <(cd "$root" && npx tsx scripts/demo-clip-list.ts)

# Flawed takes for the simulator's black_rate and frozen_rate faults (src/catalog/demo-clips.ts, DEMO_FLAWED_CLIPS).
flawed() { nice -n 10 ffmpeg -nostdin -loglevel error -y "$@" -t 6 -r $fps -vf "scale=448:252,format=yuv420p" -an \
  -c:v libx264 -preset veryslow -crf 37 -pix_fmt yuv420p -movflags +faststart; }
if [ $# -eq 0 ]; then
  flawed -f lavfi -i "color=c=black:size=448x252" "$out/flaw-black-16x9-6s.mp4"
  flawed -loop 1 -i "$out/aurora-16x9-6s.jpg" "$out/flaw-frozen-16x9-6s.mp4"
  for file in "$out"/flaw-*.mp4; do poster "$file"; done
fi

[ $# -eq 0 ] && ffmpeg -nostdin -loglevel error -y -f lavfi -i "sine=frequency=330:duration=6,volume=0.2" -c:a libmp3lame -b:a 48k "$out/tone.mp3"
du -sh "$out"
