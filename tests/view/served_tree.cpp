#include "served_tree.hpp"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <fstream>
#include <stdexcept>

namespace skyshield::test {

namespace fs = std::filesystem;

namespace {
void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}
}  // namespace

ServedTree::ServedTree(const std::string& name) {
  base = fs::temp_directory_path() / (name + "-" + std::to_string(getpid()));
  fs::remove_all(base);
  viewer = base / "viewer";
  run = base / "run";
  fs::create_directories(viewer / "cesium");
  fs::create_directories(run);
  fs::create_directories(base / "run2");
  write(viewer / "index.html", "<!DOCTYPE html><title>viewer index</title>");
  write(viewer / "index.html.gz", gzip("<!DOCTYPE html><title>viewer index</title>"));
  for (int i = 0; i < 200; ++i) app_js += "console.log('skyshield viewer line " + std::to_string(i) + "');\n";
  write(viewer / "app.js", app_js);
  write(viewer / "app.js.gz", gzip(app_js));
  write(viewer / "cesium" / "Cesium.js", "var Cesium = {};\n");
  write(run / "replay.czml", "[{\"id\":\"document\",\"version\":\"1.0\"}]");
  write(run / "summary.json", "{\"seed\": 1, \"layers\": [\"SR\"]}");
  write(run / "events.csv", "t_s,event,entity,target,detail\n1.0,launch,SR-1,T-1,\n");
  write(base / "secret.txt", kSecret);
  write(base / "run2" / "secret.txt", kSecret);
  fs::create_symlink("/etc/passwd", run / "escape");              // absolute, out of the tree
  fs::create_symlink("..", run / "up");                           // a folder link climbing out
  fs::create_symlink("../run2/secret.txt", run / "sibling");      // into /base/run2: shares the prefix "run"
  fs::create_symlink("/dev/zero", run / "zero");                  // a device
  fs::create_symlink("replay.czml", run / "inner.czml");          // inside the tree: allowed
  if (mkfifo((run / "pipe.csv").c_str(), 0644) != 0) throw std::runtime_error("mkfifo");
  std::ofstream(run / "big.bin").close();
  fs::resize_file(run / "big.bin", kBigFileBytes);  // sparse: no disk used
}

ServedTree::~ServedTree() {
  std::error_code ec;
  fs::remove_all(base, ec);
}

std::string gzip(const std::string& data) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) throw std::runtime_error("deflateInit2");
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw std::runtime_error("deflate");
  return out;
}

std::string gunzip(const std::string& data) {
  z_stream z{};
  if (inflateInit2(&z, 15 + 16) != Z_OK) throw std::runtime_error("inflateInit2");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string("<not gzip>");
}

}  // namespace skyshield::test
