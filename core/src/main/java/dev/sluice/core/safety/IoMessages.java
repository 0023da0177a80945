package dev.sluice.core.safety;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** An I/O failure in words: Java's own messages are often only a path. */
public final class IoMessages {
  private IoMessages() {}

  public static String describe(IOException e) {
    String why = null;
    if (e instanceof AccessDeniedException) {
      why = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      why = "no such file or folder";
    } else if (e instanceof FileAlreadyExistsException) {
      why = "it already exists";
    } else if (e instanceof DirectoryNotEmptyException) {
      why = "the folder is not empty";
    } else if (e instanceof NotDirectoryException) {
      why = "not a folder";
    } else if (e instanceof CharacterCodingException) {
      why = "the file is not UTF-8 text";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      why = f.getReason();
    }
    if (why == null) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    if (e instanceof FileSystemException f && f.getFile() != null) {
      String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
      return f.getFile() + other + ": " + why;
    }
    return why;
  }
}
