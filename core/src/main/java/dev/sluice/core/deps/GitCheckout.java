package dev.sluice.core.deps;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.TagOpt;

/** Clones a git package (with JGit, no git binary needed) and checks out a revision. */
final class GitCheckout {
  private GitCheckout() {}

  /**
   * Clones the repository into the folder and checks out the revision: a branch, a tag or a commit
   * (null for the default branch). Returns the commit checked out.
   */
  static String checkout(String url, String revision, Path dir) {
    try (Git git =
        Git.cloneRepository()
            .setURI(url)
            .setDirectory(dir.toFile())
            .setCloneAllBranches(true)
            .call()) {
      git.fetch().setTagOpt(TagOpt.FETCH_TAGS).call();
      Repository repo = git.getRepository();
      ObjectId commit = resolve(repo, revision);
      if (commit == null) {
        throw new DepsException(
            url + ": no branch, tag or commit named '" + revision + "' in the repository");
      }
      git.checkout().setName(commit.getName()).call();
      return commit.getName();
    } catch (GitAPIException e) {
      throw new DepsException(url + ": git clone failed: " + rootMessage(e), e);
    } catch (IOException e) {
      throw new DepsException(url + ": git failed: " + e.getMessage(), e);
    }
  }

  private static ObjectId resolve(Repository repo, String revision) throws IOException {
    if (revision == null || revision.isBlank()) {
      return repo.resolve("HEAD^{commit}");
    }
    for (String candidate :
        new String[] {"refs/remotes/origin/" + revision, "refs/tags/" + revision, revision}) {
      try {
        ObjectId id = repo.resolve(candidate + "^{commit}");
        if (id != null) {
          return id;
        }
      } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
        // not this kind of name; try the next
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (t instanceof java.net.UnknownHostException) {
      return "cannot reach " + m + " (unknown host; is the network up?)";
    }
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
