#include "record/output_set.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace skyshield {

namespace {

std::string reason(int err) { return std::generic_category().message(err); }

// Writes all of `content` to a file created exclusively (never through a link); returns 0 or errno.
int write_new_file(const std::filesystem::path& path, const std::string& content, bool full_disk) {
  const int fd = full_disk ? ::open("/dev/full", O_WRONLY | O_CLOEXEC)
                           : ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
  if (fd < 0) return errno;
  int err = 0;
  for (std::size_t done = 0; done < content.size() && err == 0;) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n > 0)
      done += static_cast<std::size_t>(n);
    else if (n < 0 && errno != EINTR)
      err = errno;
  }
  if (::close(fd) != 0 && err == 0) err = errno;  // NFS and some disks report a full disk at close
  return err;
}

bool exists_no_follow(const std::filesystem::path& p, struct stat& st) { return ::lstat(p.c_str(), &st) == 0; }

}  // namespace

OutputSet::OutputSet(std::filesystem::path dir, OutputSetHooks hooks)
    : dir_(std::move(dir)), hooks_(std::move(hooks)), signals_at_open_(interrupt_count()) {
  std::string pattern = (dir_ / ".skyshield-staging-XXXXXX").string();
  if (!::mkdtemp(pattern.data()))
    throw OutputError(fmt::format("{}: cannot create a staging folder for the outputs: {}", dir_.string(), reason(errno)));
  staging_ = pattern;
}

OutputSet::~OutputSet() {
  std::error_code ec;
  std::filesystem::remove_all(staging_, ec);  // after a commit: the previous set's files only
}

void OutputSet::abandon_if_interrupted(const std::string& what) const {
  if (interrupt_count() > signals_at_open_)
    throw Interrupted(fmt::format("{} while writing the outputs to {}: {}", interrupt_signal_name().empty() ? "a signal"
                                                                                                            : interrupt_signal_name(),
                                  dir_.string(), what));
}

void OutputSet::add(const std::string& name, const std::string& content) {
  if (name.empty() || name.find('/') != std::string::npos || name[0] == '.')
    throw std::invalid_argument("OutputSet::add: not a plain file name: " + name);
  if (hooks_.before_write) hooks_.before_write(name);
  abandon_if_interrupted("none of the new set was kept, the previous files are as they were");
  if (const int err = write_new_file(staging_ / name, content, name == hooks_.full_disk_at))
    throw OutputError(fmt::format("{}: cannot write: {} (none of the new set was kept, the previous files are as they were)",
                                  (dir_ / name).string(), reason(err)));
  added_.push_back(name);
}

void OutputSet::drop(const std::string& name) { dropped_.push_back(name); }

void OutputSet::commit() {
  abandon_if_interrupted("none of the new set was kept, the previous files are as they were");
  const std::filesystem::path old = staging_ / ".previous";
  if (::mkdir(old.c_str(), 0700) != 0)
    throw OutputError(fmt::format("{}: cannot create: {}", old.string(), reason(errno)));
  // Check first what can be seen in advance: nothing but a plain file or a link may stand where a
  // file goes (rename() would fail half way through the set).
  for (const std::string& name : added_) {
    struct stat st {};
    if (exists_no_follow(dir_ / name, st) && S_ISDIR(st.st_mode))
      throw OutputError(fmt::format("{}: cannot write: a directory is in the way (none of the new set was kept, the "
                                    "previous files are as they were)",
                                    (dir_ / name).string()));
  }
  // The renames, each recorded so that a failure can undo them in reverse order.
  struct Step {
    std::filesystem::path from, to;
  };
  std::vector<Step> done;
  auto undo = [&] {
    for (auto it = done.rbegin(); it != done.rend(); ++it) std::rename(it->to.c_str(), it->from.c_str());
  };
  auto move = [&](const std::filesystem::path& from, const std::filesystem::path& to) {
    if (std::rename(from.c_str(), to.c_str()) != 0) {
      const int err = errno;
      undo();
      throw OutputError(fmt::format("{}: cannot move into place: {} (none of the new set was kept, the previous files are "
                                    "as they were)",
                                    to.string(), reason(err)));
    }
    done.push_back({from, to});
  };
  for (const std::string& name : dropped_) {
    struct stat st {};
    if (exists_no_follow(dir_ / name, st) && !S_ISDIR(st.st_mode)) move(dir_ / name, old / name);
  }
  for (const std::string& name : added_) {
    struct stat st {};
    // Keep the previous file (a hard link: the name is never missing) so that a failure can restore it.
    if (exists_no_follow(dir_ / name, st) && ::link((dir_ / name).c_str(), (old / name).c_str()) != 0 &&
        std::rename((dir_ / name).c_str(), (old / name).c_str()) != 0) {
      const int err = errno;
      undo();
      throw OutputError(fmt::format("{}: cannot replace: {}", (dir_ / name).string(), reason(err)));
    }
    if (exists_no_follow(old / name, st)) done.push_back({dir_ / name, old / name});  // undone: old file back
    move(staging_ / name, dir_ / name);
  }
  committed_ = true;
}

void write_file_atomically(const std::string& path, const std::string& content) {
  const std::filesystem::path p(path);
  OutputSet set(p.has_parent_path() ? p.parent_path() : std::filesystem::path("."));
  set.add(p.filename().string(), content);
  set.commit();
}

}  // namespace skyshield
