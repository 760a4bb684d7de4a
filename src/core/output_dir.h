#pragma once
// Where outputs may be written, and a folder of outputs published whole.
//
// Three rules keep a round's inputs and outputs apart and honest:
// - An output is never written where an input is, nor into a folder that holds inputs, nor
//   through a link that leads to one (InputSet).
// - One command at a time writes into an output folder (OutputLock).
// - `run` publishes its whole output folder or nothing (StagedOutput): it is built in a staging
//   folder beside the target and exchanged with the target in one step at the end.

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace arsanalys {

/// The files and folders a command reads. Paths are followed through links, so that a link to
/// an input counts as the input.
///
///   InputSet inputs;
///   inputs.add_folder(round / "leverantorer");
///   inputs.add_file(round / "kunder.xlsx");
///   if (std::string why = inputs.refuse_folder(out); !why.empty()) throw RunError(why);
class InputSet {
 public:
  /// An input file; one that does not exist is left out.
  void add_file(const std::filesystem::path& file);
  /// A folder whose files are inputs (leverantorer/): no output goes into it or below it.
  void add_folder(const std::filesystem::path& dir);

  /// Why outputs may not be written into `dir` (Swedish, naming the input), "" when they may:
  /// `dir` is or lies within an input folder, holds an input file or an input folder, or is an
  /// input file itself.
  std::string refuse_folder(const std::filesystem::path& dir) const;
  /// Why `file` may not be written (Swedish), "" when it may: it is an input, by its path
  /// (links followed) or by being the same file (a hard link).
  std::string refuse_file(const std::filesystem::path& file) const;

 private:
  struct Input {
    std::filesystem::path given;      // as named, for messages
    std::filesystem::path canonical;  // links resolved
    dev_t dev = 0;                    // identity of the file, for hard links
    ino_t ino = 0;
    bool folder = false;
  };
  std::vector<Input> inputs_;
};

/// The lock that lets one command at a time write into an output folder: a file beside it
/// (`.<name>.arsanalys-lock`) held with flock(), which the system releases when the process ends,
/// however it ends. Removed when the holder is done; a lock file left by a killed process is
/// taken over by the next one.
class OutputLock {
 public:
  /// Takes the lock of the output folder `target` (its parent folder must exist). Throws
  /// RunError with a Swedish message naming the holder's process when another holds it.
  explicit OutputLock(const std::filesystem::path& target);
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;
  ~OutputLock();

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

/// An output folder published whole. Everything is written into dir(), a staging folder beside
/// the target; publish() exchanges it with the target in one step (renameat2 with
/// RENAME_EXCHANGE), so that a reader of the target sees either the previous complete output or
/// the new one, never a mixture, and then removes the previous one. Not published (an error on
/// the way, a kill), the target is untouched and the staging folder is removed, by the
/// destructor or by the next command's cleanup.
///
/// In the previous output, the entries named in `own` (the files and folders the command
/// writes) are replaced, so that a removed customer's statement does not survive; other files
/// and links (a user's own notes) and the folders named in `others` (those the program's other
/// commands write there: `run`'s kunder/ beside `slutreglering`'s) are carried over into the
/// new output unchanged, as hard links; another folder there makes the constructor refuse.
///
///   StagedOutput out(out_dir, inputs, {"resultat.json", "kunder"});
///   write_file(out.dir() / "resultat.json", json);
///   out.publish();
class StagedOutput {
 public:
  /// Checks the target (RunError with a Swedish message when it holds or lies within inputs,
  /// is a file, is or contains the current folder, or holds a folder not in `own`), takes its
  /// lock, clears what a killed run left beside it, and makes the staging folder.
  StagedOutput(const std::filesystem::path& target, const InputSet& inputs,
               std::vector<std::string> own, std::vector<std::string> others = {});
  StagedOutput(const StagedOutput&) = delete;
  StagedOutput& operator=(const StagedOutput&) = delete;
  ~StagedOutput();

  /// The staging folder: write every output here.
  const std::filesystem::path& dir() const { return staging_; }
  /// The target as it will be published (links resolved), for messages.
  const std::filesystem::path& target() const { return target_; }
  /// Flushes the staging folder to disk, carries the user's files over and puts it in place
  /// of the target. Throws RunError; the target is then as before.
  void publish();

 private:
  void check_previous();
  void recover();
  void carry_over();

  std::filesystem::path target_;   // the real output folder, links resolved
  std::filesystem::path staging_;  // beside it
  std::string prefix_;             // ".<name>.arsanalys-": what our helpers beside it start with
  std::vector<std::string> own_;
  std::vector<std::string> others_;   // folders of the program's other commands
  std::vector<std::string> carried_;  // entries of the previous output kept
  std::unique_ptr<OutputLock> lock_;
  bool published_ = false;
};

/// What the program's own helpers beside the output folder `target` start with:
/// `.<name>.arsanalys-` (a long name shortened), for the lock and the staging folder.
std::string helper_prefix(const std::filesystem::path& target);

/// Writes `data` to `path` (a new file, or one replaced in place): for a folder nobody reads
/// until it is published whole. Throws RunError with a Swedish message.
void write_file(const std::filesystem::path& path, std::string_view data);

/// A file written in pieces into a staging folder, for outputs too large to hold whole.
/// Throws RunError with a Swedish message.
class FileWriter {
 public:
  explicit FileWriter(std::filesystem::path path);
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;
  ~FileWriter();
  void write(std::string_view data);
  void close();

 private:
  [[noreturn]] void fail(int err);
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace arsanalys
